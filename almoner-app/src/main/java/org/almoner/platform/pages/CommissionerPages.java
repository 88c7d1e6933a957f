package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.almoner.platform.budgets.NationalReturn;
import org.almoner.platform.budgets.OrganisationOverview;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For commissioning and finance: the organisation's overview and the national personal health budget return. */
@Controller
class CommissionerPages {

    private final OrganisationOverview overview;
    private final NationalReturn nationalReturn;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    CommissionerPages(OrganisationOverview overview, NationalReturn nationalReturn, AuditTrail audit, Actors actors, Clock clock) {
        this.overview = requireNonNull(overview, "overview is null");
        this.nationalReturn = requireNonNull(nationalReturn, "nationalReturn is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/overview")
    String overview(Model model) {
        Actor actor = actors.current();
        Page.OVERVIEW.requireFor(actor);
        record(actor, "overview");
        model.addAttribute("overview", overview.of(actor.organisation(), LocalDate.now(clock)));
        model.addAttribute("organisation", actor.organisation());
        return "pages/overview";
    }

    @GetMapping("/national-return")
    String nationalReturn(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
        Actor actor = actors.current();
        Page.NATIONAL_RETURN.requireFor(actor);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        record(actor, "personal-health-budgets/" + day);
        List<NationalReturn.Row> rows = nationalReturn.inPlaceOn(day, actor.organisation());
        model.addAttribute("rows", rows);
        model.addAttribute("asOf", day);
        model.addAttribute("totalBudgets", rows.stream().mapToLong(NationalReturn.Row::budgets).sum());
        model.addAttribute("totalAmount", rows.stream().map(NationalReturn.Row::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "pages/national-return";
    }

    private void record(Actor actor, String what) {
        audit.record(new AuditEntry(clock.instant(), actor.username(), actor.role().name(), actor.organisation(), null, "REPORT", what,
                "VIEW_REPORT", AuditOutcome.ALLOWED, null, false));
    }
}
