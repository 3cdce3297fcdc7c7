package io.spareflow.location.internal;

import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "location")
public class LocationEntity {

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private LocationType type;
    private String city;
    private String country;
    private double latitude;
    private double longitude;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "business_hours")
    private String businessHours;
    @Column(name = "handling_minutes")
    private int handlingMinutes;
    private boolean active = true;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "city_zh")
    private String cityZh;

    protected LocationEntity() {
    }

    public LocationEntity(LocationInfo info) {
        this.code = info.code();
        this.name = info.name();
        this.type = info.type();
        this.city = info.city();
        this.country = info.country();
        this.latitude = info.latitude();
        this.longitude = info.longitude();
        this.timeZone = info.timeZone();
        this.businessHours = info.businessHours();
        this.handlingMinutes = info.handlingMinutes();
        this.nameZh = info.nameZh();
        this.cityZh = info.cityZh();
    }

    public LocationInfo toInfo() {
        return new LocationInfo(code, name, type, city, country, latitude, longitude, timeZone, businessHours, handlingMinutes,
                nameZh, cityZh);
    }
}
