package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.almoner.platform.indicators.Indicators;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** For commissioning and finance: the key performance indicators of contract monitoring (handbook 4.1 stage 4). */
@Controller
class IndicatorPages {

    private final Indicators indicators;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    IndicatorPages(Indicators indicators, AuditTrail audit, Actors actors, Clock clock) {
        this.indicators = requireNonNull(indicators, "indicators is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/indicators")
    String indicators(Model model) {
        Actor actor = actors.current();
        Page.INDICATORS.requireFor(actor);
        audit.record(new AuditEntry(clock.instant(), actor.username(), actor.role().name(), actor.organisation(), null, "REPORT",
                "indicators", "VIEW_REPORT", AuditOutcome.ALLOWED, null, false));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("indicators", indicators.of(actor.organisation(), today));
        model.addAttribute("today", today);
        model.addAttribute("organisation", actor.organisation());
        return "pages/indicators";
    }
}
