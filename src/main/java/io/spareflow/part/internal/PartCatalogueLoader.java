package io.spareflow.part.internal;

import io.spareflow.common.Csv;
import io.spareflow.part.ProductLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
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

/** Loads the reference parts catalogue (data/parts.csv) into an empty database, in every profile. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartCatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartCatalogueLoader.class);

    private final PartRepository repository;

    PartCatalogueLoader(PartRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (repository.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource("data/parts.csv").getInputStream()) {
            List<PartEntity> parts = new ArrayList<>(Csv.read(in).stream().map(row -> new PartEntity(row.get("part_number"),
                    ProductLine.valueOf(row.get("product_line")), row.get("description"), row.get("revision"),
                    row.optional("superseded_by"), Boolean.parseBoolean(row.get("repairable")),
                    Integer.parseInt(row.get("repair_turnaround_days")), row.optional("description_zh"))).toList());
            // A superseding part must exist before the part that points to it.
            parts.sort(Comparator.comparing(p -> p.supersededBy() != null));
            parts.forEach(repository::saveAndFlush);
            log.info("Loaded {} parts of the catalogue", parts.size());
        }
    }
}
