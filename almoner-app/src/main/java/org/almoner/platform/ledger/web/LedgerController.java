package org.almoner.platform.ledger.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.ledger.AccountKind;
import org.almoner.platform.ledger.Evidence;
import org.almoner.platform.ledger.Ledger;
import org.almoner.platform.ledger.LedgerEntry;
import org.almoner.platform.ledger.PaymentRequest;
import org.almoner.platform.ledger.Payments;
import org.almoner.platform.ledger.Reconciliation;
import org.almoner.platform.ledger.RequestHashes;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every request that moves money needs an {@code Idempotency-Key} header: sent again with the same
 * key and body it returns the first answer and moves nothing; with a different body it is refused.
 */
@RestController
class LedgerController {

    private final Ledger ledger;
    private final Payments payments;
    private final Budgets budgets;
    private final Reconciliation reconciliation;
    private final PersonAccess access;
    private final Actors actors;
    private final RequestHashes hashes;

    LedgerController(Ledger ledger, Payments payments, Budgets budgets, Reconciliation reconciliation, PersonAccess access, Actors actors,
            RequestHashes hashes) {
        this.ledger = ledger;
        this.payments = payments;
        this.budgets = budgets;
        this.reconciliation = reconciliation;
        this.access = access;
        this.actors = actors;
        this.hashes = hashes;
    }

    record BudgetLedger(UUID budgetId, Map<AccountKind, BigDecimal> balances, BigDecimal available, BigDecimal contingency,
            List<LedgerEntry> transactions, List<Payments.WaitingPayment> waitingPayments) {}

    record TransferRequest(BigDecimal amount, LocalDate effectiveOn) {}

    record ReturnRequest(BigDecimal amount, String reason, LocalDate effectiveOn) {}

    record ReversalRequest(String reason) {}

    record Decision(Boolean approved) {}

    @GetMapping("/api/budgets/{budgetId}/ledger")
    BudgetLedger budgetLedger(@PathVariable UUID budgetId) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.VIEW_BUDGET, "LEDGER", budgetId);
        Map<AccountKind, BigDecimal> balances = ledger.balances(budgetId);
        BigDecimal available = balances.entrySet().stream()
                .filter(entry -> entry.getKey() == AccountKind.BUDGET_NOTIONAL || entry.getKey() == AccountKind.BUDGET_THIRD_PARTY
                        || entry.getKey() == AccountKind.BUDGET_DIRECT_PAYMENT || entry.getKey() == AccountKind.DIRECT_PAYMENT_HELD)
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new BudgetLedger(budgetId, balances, available, ledger.contingency(budgetId), ledger.entries(budgetId),
                payments.waitingFor(budgetId));
    }

    @PostMapping("/api/budgets/{budgetId}/payments")
    ResponseEntity<Object> pay(@PathVariable UUID budgetId, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody PaymentRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.PAY, "LEDGER", budgetId);
        return answer(payments.payProvider(budget, request, key(key), hash("payment", budgetId, request, null), actors.current()));
    }

    @PostMapping(value = "/api/budgets/{budgetId}/direct-payment/spend", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> reportSpend(@PathVariable UUID budgetId, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody PaymentRequest request) {
        return spend(budgetId, key, request, null);
    }

    /** Spend with its receipt: a multipart form with a JSON part "spend" and a file part "receipt". */
    @PostMapping(value = "/api/budgets/{budgetId}/direct-payment/spend", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> reportSpendWithReceipt(@PathVariable UUID budgetId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestPart("spend") PaymentRequest request,
            @RequestPart(name = "receipt", required = false) MultipartFile receipt) throws IOException {
        Evidence evidence = receipt == null ? null : new Evidence(receipt.getOriginalFilename(), receipt.getContentType(), receipt.getBytes());
        return spend(budgetId, key, request, evidence);
    }

    @PostMapping("/api/budgets/{budgetId}/direct-payment/transfers")
    ResponseEntity<Object> transfer(@PathVariable UUID budgetId, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody TransferRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.PAY, "LEDGER", budgetId);
        return answer(new Payments.Outcome(payments.transferDirectPayment(budget, request.amount(), request.effectiveOn(), key(key),
                hash("transfer", budgetId, request, null), actors.current()), null));
    }

    @PostMapping("/api/budgets/{budgetId}/direct-payment/returns")
    ResponseEntity<Object> returnUnspent(@PathVariable UUID budgetId, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ReturnRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.PAY, "LEDGER", budgetId);
        return answer(new Payments.Outcome(payments.returnUnspent(budget, request.amount(), request.reason(), request.effectiveOn(), key(key),
                hash("return", budgetId, request, null), actors.current()), null));
    }

    @PostMapping("/api/ledger/transactions/{transactionId}/reversal")
    ResponseEntity<Object> reverse(@PathVariable UUID transactionId, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody ReversalRequest request) {
        LedgerEntry original = ledger.entry(transactionId).orElseThrow(() -> new PlatformException(PlatformErrorCode.TRANSACTION_NOT_FOUND,
                "transactionId", "There is no ledger transaction " + transactionId + "."));
        Budget budget = existing(original.budgetId());
        access.require(budget.personId(), PersonOperation.PAY, "LEDGER", transactionId);
        return answer(new Payments.Outcome(payments.reverse(original, request.reason(), key(key),
                hash("reversal", transactionId, request, null), actors.current()), null));
    }

    @PostMapping("/api/ledger/payment-requests/{requestId}/decision")
    Payments.WaitingPayment decide(@PathVariable UUID requestId, @RequestBody Decision decision) {
        if (decision.approved() == null) {
            throw PlatformException.invalid("approved", "Say whether the payment is approved: true or false.");
        }
        Payments.WaitingPayment waiting = payments.waiting(requestId).orElseThrow(() -> new PlatformException(
                PlatformErrorCode.PAYMENT_REQUEST_NOT_FOUND, "requestId", "There is no payment request " + requestId + "."));
        Budget budget = existing(waiting.budgetId());
        access.require(budget.personId(), PersonOperation.DECIDE_BUDGET, "LEDGER", requestId);
        return payments.decide(requestId, decision.approved(), actors.current());
    }

    @GetMapping("/api/ledger/reconciliation")
    Reconciliation.Report reconcile() {
        return reconciliation.run();
    }

    private ResponseEntity<Object> spend(UUID budgetId, String key, PaymentRequest request, Evidence evidence) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.REPORT_SPEND, "LEDGER", budgetId);
        return answer(payments.reportDirectPaymentSpend(budget, request, evidence, key(key), hash("spend", budgetId, request, evidence),
                actors.current()));
    }

    private ResponseEntity<Object> answer(Payments.Outcome outcome) {
        if (outcome.waiting() != null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcome.waiting());
        }
        LedgerEntry entry = outcome.posted().entry();
        return ResponseEntity.created(URI.create("/api/budgets/" + entry.budgetId() + "/ledger"))
                .header("Idempotent-Replayed", Boolean.toString(outcome.posted().replayed()))
                .body(entry);
    }

    private Budget existing(UUID budgetId) {
        return budgets.find(budgetId).orElseThrow(() -> new PlatformException(PlatformErrorCode.BUDGET_NOT_FOUND, "budgetId",
                "There is no budget with id " + budgetId + ". Check the address."));
    }

    private static String key(String key) {
        if (key == null || key.isBlank()) {
            throw new PlatformException(PlatformErrorCode.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key",
                    "Send an Idempotency-Key header (for example a new UUID) with every request that moves money, and the same key "
                            + "if you send the request again, so it is never paid twice.");
        }
        if (key.length() > 200) {
            throw new PlatformException(PlatformErrorCode.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key", "An idempotency key is at most 200 characters.");
        }
        return key.strip();
    }

    /** What makes two requests "the same": what is asked, of which record, with which body and receipt. */
    private String hash(String action, UUID target, Object body, Evidence evidence) {
        return hashes.of(action, target, body, evidence);
    }
}
