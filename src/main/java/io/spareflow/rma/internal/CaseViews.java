package io.spareflow.rma.internal;

import io.spareflow.repair.RepairView;
import io.spareflow.repair.Repairs;
import io.spareflow.rma.CaseView;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A case as it is shown: with its first owner and each line's repair order. */
@Service
@Transactional(readOnly = true)
public class CaseViews {

    private final Repairs repairs;
    private final Users users;
    private final CaseTexts texts;

    CaseViews(Repairs repairs, Users users, CaseTexts texts) {
        this.repairs = repairs;
        this.users = users;
        this.texts = texts;
    }

    /** The case as the current reader reads it: its timeline in their language and time zone. */
    public CaseView of(CaseEntity entity) {
        return of(entity, repairs.findByCase(entity.number()), texts.reading());
    }

    /** Views of many cases, their repair orders read at once. */
    public List<CaseView> of(List<CaseEntity> entities) {
        Map<String, List<RepairView>> repairsByCase = repairs.findByCases(entities.stream().map(CaseEntity::number).toList());
        CaseTexts.Reading reading = texts.reading();
        return entities.stream().map(entity -> of(entity, repairsByCase.getOrDefault(entity.number(), List.of()), reading))
                .toList();
    }

    private CaseView of(CaseEntity entity, List<RepairView> repairOrders, CaseTexts.Reading reading) {
        StaffUser owner = entity.firstOwner() == null ? null : users.find(entity.firstOwner()).orElse(null);
        Map<String, RepairView> bySerial = repairOrders.stream()
                .collect(Collectors.toMap(RepairView::serial, Function.identity(), (first, later) -> first));
        return entity.toView(owner, bySerial, reading);
    }
}
