package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors: the newest entries first, one person's, or only those flagged for review. */
@Controller
class AuditPages {

    private static final int SHOWN = 200;

    private final AuditTrail trail;
    private final Actors actors;

    AuditPages(AuditTrail trail, Actors actors) {
        this.trail = requireNonNull(trail, "trail is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @GetMapping("/audit")
    String trail(@RequestParam(required = false) UUID person, @RequestParam(defaultValue = "false") boolean flagged, Model model) {
        Page.AUDIT_TRAIL.requireFor(actors.current());
        model.addAttribute("entries", trail.search(person, flagged, SHOWN));
        model.addAttribute("person", person);
        model.addAttribute("flagged", flagged);
        model.addAttribute("shown", SHOWN);
        return "pages/audit";
    }
}
