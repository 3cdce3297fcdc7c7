package io.spareflow.web.internal;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditQuery;
import io.spareflow.audit.AuditedEntity;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page: changes of master data and users, filtered by kind, key and day. */
@Controller
class AuditPageController {

    private final Audit audit;

    AuditPageController(Audit audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) AuditedEntity entity, @RequestParam(required = false) String id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                 Model model) {
        model.addAttribute("entities", AuditedEntity.values());
        model.addAttribute("entity", entity);
        model.addAttribute("id", id);
        model.addAttribute("since", since);
        model.addAttribute("entries", audit.find(new AuditQuery(entity, id,
                since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant())));
        return "admin/audit";
    }
}
