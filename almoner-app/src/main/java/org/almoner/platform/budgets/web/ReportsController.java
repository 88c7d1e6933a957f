package org.almoner.platform.budgets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.almoner.platform.budgets.NationalReturn;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for commissioners (the security configuration admits only them). */
@RestController
class ReportsController {

    private final NationalReturn nationalReturn;
    private final Actors actors;
    private final AuditTrail audit;
    private final Clock clock;

    ReportsController(NationalReturn nationalReturn, Actors actors, AuditTrail audit, Clock clock) {
        this.nationalReturn = nationalReturn;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Personal health budgets in place on a day (default today), as JSON. */
    @GetMapping("/api/reports/personal-health-budgets")
    List<NationalReturn.Row> inPlace(@RequestParam(required = false) LocalDate asOf) {
        return rows(asOf);
    }

    /** The same as CSV, to open in a spreadsheet or load into a return. */
    @GetMapping(value = "/api/reports/personal-health-budgets.csv", produces = "text/csv")
    ResponseEntity<String> inPlaceAsCsv(@RequestParam(required = false) LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        StringBuilder csv = new StringBuilder("as_of,eligibility_category,age_group,delivery_mode,duration,budgets,total_amount\r\n");
        for (NationalReturn.Row row : rows(day)) {
            csv.append(day).append(',').append(row.eligibilityCategory()).append(',').append(row.ageGroup()).append(',')
                    .append(row.deliveryMode()).append(',').append(row.duration()).append(',').append(row.budgets()).append(',')
                    .append(row.totalAmount().toPlainString()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"personal-health-budgets-" + day + ".csv\"")
                .body(csv.toString());
    }

    private List<NationalReturn.Row> rows(LocalDate asOf) {
        Actor actor = actors.current();
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        audit.record(new AuditEntry(clock.instant(), actor.username(), actor.role().name(), actor.organisation(), null, "REPORT",
                "personal-health-budgets/" + day, "VIEW_REPORT", AuditOutcome.ALLOWED, null, false));
        return nationalReturn.inPlaceOn(day, actor.organisation());
    }
}
