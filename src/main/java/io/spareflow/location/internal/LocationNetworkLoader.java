package io.spareflow.location.internal;

import io.spareflow.common.BusinessHours;
import io.spareflow.common.Csv;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the reference location network (data/locations.csv) into an empty database, in every profile. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LocationNetworkLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LocationNetworkLoader.class);
    static final String RESOURCE = "data/locations.csv";

    private final LocationRepository repository;

    LocationNetworkLoader(LocationRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (repository.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            List<LocationEntity> network = Csv.read(in).stream().map(LocationNetworkLoader::parse).map(LocationEntity::new).toList();
            repository.saveAll(network);
            log.info("Loaded {} locations of the service network", network.size());
        }
    }

    static LocationInfo parse(Csv.Row row) {
        LocationInfo info = new LocationInfo(row.get("code"), row.get("name"), LocationType.valueOf(row.get("type")),
                row.get("city"), row.get("country"), Double.parseDouble(row.get("latitude")),
                Double.parseDouble(row.get("longitude")), row.get("time_zone"), row.get("business_hours"),
                Integer.parseInt(row.get("handling_minutes")), row.optional("name_zh"), row.optional("city_zh"));
        ZoneId.of(info.timeZone());
        BusinessHours.parse(info.businessHours());
        info.point();
        return info;
    }
}
