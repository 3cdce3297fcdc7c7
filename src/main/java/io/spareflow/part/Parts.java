package io.spareflow.part;

import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.part.internal.GtinAssignment;
import io.spareflow.part.internal.PartEntity;
import io.spareflow.part.internal.PartRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The parts catalogue and its supersession chains. */
@Service
@Transactional(readOnly = true)
public class Parts {

    private final PartRepository repository;
    private final GtinAssignment gtins;

    Parts(PartRepository repository, GtinAssignment gtins) {
        this.repository = repository;
        this.gtins = gtins;
    }

    public List<PartInfo> all() {
        return repository.findAllByOrderByPartNumber().stream().map(this::info).toList();
    }

    public Optional<PartInfo> find(String partNumber) {
        return PartNumber.tryParse(partNumber).flatMap(number -> repository.findById(number.value())).map(this::info);
    }

    public PartInfo require(String partNumber) {
        return find(partNumber).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.part"), partNumber));
    }

    private PartInfo info(PartEntity entity) {
        return entity.toInfo(gtins);
    }

    /**
     * The parts whose boards may be installed in place of {@code partNumber}: the part itself first, then each newer
     * part that supersedes it, in order of the chain.
     */
    public List<String> replacementsFor(String partNumber) {
        Set<String> chain = new LinkedHashSet<>();
        PartInfo part = require(partNumber);
        while (part != null && chain.add(part.partNumber())) {
            part = part.supersededBy() == null ? null : find(part.supersededBy()).orElse(null);
        }
        return new ArrayList<>(chain);
    }
}
