package io.spareflow.web.internal;

import io.spareflow.common.Csv;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationRow;
import io.spareflow.location.Locations;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Imports locations from CSV with the columns of {@code data/locations.csv} (code, name, type, city, country,
 * latitude, longitude, time_zone, business_hours, handling_minutes; optionally the Chinese name_zh and city_zh) by the
 * rule of {@link CsvImport}: the location feature checks each row ({@link Locations#checkNew}), the good rows are added together ({@link Locations#registerAll}).
 */
@Component
class LocationCsvImport implements CsvImport.Rows<LocationInfo> {

    private final Locations locations;
    private final CsvImport csvImport;

    LocationCsvImport(Locations locations, CsvImport csvImport) {
        this.locations = locations;
        this.csvImport = csvImport;
    }

    CsvImport.Report importFrom(InputStream csv) {
        return csvImport.importFrom(csv, this);
    }

    @Override
    public String key(LocationInfo location) {
        return "code " + location.code();
    }

    @Override
    public void writeAll(List<LocationInfo> good) {
        locations.registerAll(good);
    }

    @Override
    public LocationInfo check(Csv.Row row) {
        return locations.checkNew(new LocationRow(row.get("code"), row.get("name"), row.get("type"), row.get("city"),
                row.get("country"), row.get("latitude"), row.get("longitude"), row.get("time_zone"),
                row.get("business_hours"), row.get("handling_minutes"), row.optional("name_zh"), row.optional("city_zh")));
    }
}
