package org.almoner.platform.ledger.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.ledger.Monitoring;
import org.almoner.platform.ledger.Uplifts;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance's view of the ledger: uplifts, monthly monitoring and closing months (commissioners only). */
@RestController
class FinanceController {

    private final Uplifts uplifts;
    private final Monitoring monitoring;
    private final Actors actors;

    FinanceController(Uplifts uplifts, Monitoring monitoring, Actors actors) {
        this.uplifts = uplifts;
        this.monitoring = monitoring;
        this.actors = actors;
    }

    record UpliftRequest(BigDecimal percent, String description, String cohort) {}

    record Decision(Boolean approved) {}

    @PostMapping("/api/ledger/uplifts")
    ResponseEntity<Uplifts.Uplift> propose(@RequestBody UpliftRequest request) {
        Uplifts.Uplift uplift = uplifts.propose(request.percent(), request.description(), request.cohort(), actors.current());
        return ResponseEntity.created(URI.create("/api/ledger/uplifts/" + uplift.id())).body(uplift);
    }

    @GetMapping("/api/ledger/uplifts/{upliftId}")
    Uplifts.Uplift one(@PathVariable UUID upliftId) {
        return uplifts.find(upliftId).orElseThrow(() -> new PlatformException(PlatformErrorCode.BULK_CHANGE_NOT_FOUND, "upliftId",
                "There is no uplift " + upliftId + "."));
    }

    @PostMapping("/api/ledger/uplifts/{upliftId}/decision")
    Uplifts.Uplift decide(@PathVariable UUID upliftId, @RequestBody Decision decision) {
        if (decision.approved() == null) {
            throw PlatformException.invalid("approved", "Say whether the uplift is approved: true or false.");
        }
        Actor actor = actors.current();
        return decision.approved() ? uplifts.approve(upliftId, actor) : uplifts.reject(upliftId, actor);
    }

    @GetMapping("/api/ledger/monitoring")
    List<Monitoring.BudgetMonth> month(@RequestParam String month, @RequestParam(defaultValue = "10") int sample) {
        return monitoring.month(parse(month), actors.current().organisation(), Math.clamp(sample, 0, 1000));
    }

    @PostMapping("/api/ledger/periods/{month}/close")
    ResponseEntity<Void> close(@PathVariable String month) {
        monitoring.close(parse(month), actors.current());
        return ResponseEntity.noContent().build();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException bad) {
            throw PlatformException.invalid("month", "Give the month as YYYY-MM, for example 2026-10.");
        }
    }
}
