package org.almoner.platform.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors (the security configuration admits only them). */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    List<AuditEntry> search(@RequestParam(required = false) UUID person,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "200") int limit) {
        return trail.search(person, flagged, Math.clamp(limit, 1, 5000));
    }
}
