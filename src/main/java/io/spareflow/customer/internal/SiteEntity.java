package io.spareflow.customer.internal;

import io.spareflow.customer.SiteInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer_site")
public class SiteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_code")
    private String customerCode;
    private String name;
    private String city;
    private String country;
    private double latitude;
    private double longitude;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "city_zh")
    private String cityZh;

    protected SiteEntity() {
    }

    public SiteEntity(String customerCode, String name, String city, String country, double latitude, double longitude,
                      String timeZone) {
        this.customerCode = customerCode;
        update(name, city, country, latitude, longitude, timeZone);
    }

    public void update(String name, String city, String country, double latitude, double longitude, String timeZone) {
        this.name = name;
        this.city = city;
        this.country = country;
        this.latitude = latitude;
        this.longitude = longitude;
        this.timeZone = timeZone;
    }

    /** The site's Chinese name and city; null for none. */
    public void nameInChinese(String nameZh, String cityZh) {
        this.nameZh = nameZh;
        this.cityZh = cityZh;
    }

    public String customerCode() {
        return customerCode;
    }

    public Long getId() {
        return id;
    }

    public SiteInfo toInfo() {
        return new SiteInfo(id, customerCode, name, city, country, latitude, longitude, timeZone, nameZh, cityZh);
    }
}
