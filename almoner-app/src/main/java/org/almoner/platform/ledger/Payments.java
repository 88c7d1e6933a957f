package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.people.People;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The money-moving steps a budget team and a budget holder take. What a budget may pay for comes
 * from the agreed plan's lines; a payment the plan does not cover waits for an approver.
 */
@Component
public class Payments {

    private final Ledger ledger;
    private final Plans plans;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Payments(Ledger ledger, Plans plans, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Either a posted transaction or a request waiting for an approver. */
    public record Outcome(Ledger.Posted posted, WaitingPayment waiting) {}

    /** A payment the plan does not cover, waiting for (or given) an approver's decision. */
    public record WaitingPayment(UUID id, UUID budgetId, PaymentRequest request, String reason, String status, String requestedBy) {}

    /** Pays a provider from the notional or third-party pot. */
    public Outcome payProvider(Budget budget, PaymentRequest request, String key, String requestHash, Actor actor) {
        if (request.from() == PaymentRequest.Pot.DIRECT_PAYMENT) {
            throw PlatformException.invalid("from", "Direct payment money is spent by the person: record it as direct payment spend, or transfer it to them.");
        }
        if (request.planLine() == null) {
            return new Outcome(null, await(budget, request, key, requestHash, actor));
        }
        checkAllowedByPlan(budget, request);
        return new Outcome(ledger.post(providerPayment(budget, request), key, requestHash, actor.username()), null);
    }

    /** Records direct payment spend the person reports, from the money transferred to them. */
    public Outcome reportDirectPaymentSpend(Budget budget, PaymentRequest request, Evidence evidence, String key, String requestHash,
            Actor actor) {
        if (request.from() != PaymentRequest.Pot.DIRECT_PAYMENT) {
            throw PlatformException.invalid("from", "Spend reported by the person comes from the DIRECT_PAYMENT.");
        }
        if (request.planLine() == null) {
            return new Outcome(null, await(budget, request, key, requestHash, actor));
        }
        checkAllowedByPlan(budget, request);
        Ledger.Posted posted = ledger.post(directPaymentSpend(budget, request), key, requestHash, actor.username());
        if (!posted.replayed() && evidence != null) {
            jdbc.sql("INSERT INTO ledger_evidence (transaction_id, file_name, content_type, sha256, content) VALUES (?, ?, ?, ?, ?)")
                    .params(posted.entry().id(), evidence.fileName(), evidence.contentType(), evidence.sha256(), evidence.content())
                    .update();
        }
        return new Outcome(posted, null);
    }

    /** Transfers direct payment money to the person's account. */
    public Ledger.Posted transferDirectPayment(Budget budget, BigDecimal amount, LocalDate effectiveOn, String key, String requestHash,
            Actor actor) {
        BigDecimal checked = PaymentRequest.positiveAmount(amount, "amount");
        if (budget.directPaymentWithheldReason() != null) {
            throw new PlatformException(PlatformErrorCode.DIRECT_PAYMENT_NOT_ALLOWED,
                    "The direct payment is withheld (" + budget.directPaymentWithheldReason() + "), so no money goes to the person.");
        }
        return ledger.post(new Ledger.Proposal(budget.id(), TransactionKind.DIRECT_PAYMENT_TRANSFER, "Direct payment transfer", null, null,
                day(effectiveOn), List.of(Posting.outOf(AccountKind.BUDGET_DIRECT_PAYMENT, checked),
                        Posting.into(AccountKind.DIRECT_PAYMENT_HELD, checked))), key, requestHash, actor.username());
    }

    /** Returns unspent direct payment money to the commissioner: a refund by the person or a clawback. */
    public Ledger.Posted returnUnspent(Budget budget, BigDecimal amount, String reason, LocalDate effectiveOn, String key,
            String requestHash, Actor actor) {
        BigDecimal checked = PaymentRequest.positiveAmount(amount, "amount");
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason", "Say why the money is returned (a refund, or a clawback of a surplus).");
        }
        return ledger.post(new Ledger.Proposal(budget.id(), TransactionKind.DIRECT_PAYMENT_RETURN, reason.strip(), null, null, day(effectiveOn),
                List.of(Posting.outOf(AccountKind.DIRECT_PAYMENT_HELD, checked),
                        new Posting(AccountKind.COMMISSIONER_FUNDING, budget.cohort(), checked))), key, requestHash, actor.username());
    }

    /** Corrects a transaction the only way the ledger allows: by posting its exact opposite. */
    public Ledger.Posted reverse(LedgerEntry original, String reason, String key, String requestHash, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason", "Say why the transaction is reversed.");
        }
        if (original.kind() == TransactionKind.REVERSAL) {
            throw new PlatformException(PlatformErrorCode.ALREADY_REVERSED, "A reversal cannot itself be reversed; post the payment again instead.");
        }
        return ledger.post(new Ledger.Proposal(original.budgetId(), TransactionKind.REVERSAL, "Reversal: " + reason.strip(), original.planLine(),
                original.id(), LocalDate.now(clock), Ledger.negate(original.postings())), key, requestHash, actor.username());
    }

    /** An approver's decision on a payment the plan does not cover; approved, it posts. */
    @Transactional
    public WaitingPayment decide(UUID requestId, boolean approved, Actor approver) {
        WaitingPayment waiting = waiting(requestId).orElseThrow(() -> new PlatformException(PlatformErrorCode.PAYMENT_REQUEST_NOT_FOUND,
                "requestId", "There is no payment request " + requestId + "."));
        if (!waiting.status().equals("AWAITING_APPROVAL")) {
            throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT, "This payment request was already decided (" + waiting.status() + ").");
        }
        if (waiting.requestedBy().equals(approver.username())) {
            throw new PlatformException(PlatformErrorCode.SECOND_PERSON_REQUIRED, "You asked for this payment, so someone else must approve it.");
        }
        UUID transaction = null;
        if (approved) {
            PaymentRequest request = waiting.request();
            Ledger.Proposal proposal = request.from() == PaymentRequest.Pot.DIRECT_PAYMENT
                    ? directPaymentSpendProposal(waiting.budgetId(), request) : providerPaymentProposal(waiting.budgetId(), request);
            transaction = ledger.post(proposal, "approved-payment:" + requestId, requestId.toString(), approver.username()).entry().id();
        }
        jdbc.sql("UPDATE ledger_payment_requests SET status = ?, decided_by = ?, decided_at = ?, transaction_id = ? WHERE id = ?")
                .params(approved ? "APPROVED" : "NOT_APPROVED", approver.username(), Timestamp.from(clock.instant()), transaction, requestId)
                .update();
        return waiting(requestId).orElseThrow();
    }

    public Optional<WaitingPayment> waiting(UUID requestId) {
        return jdbc.sql("SELECT * FROM ledger_payment_requests WHERE id = ?").param(requestId).query(this::waitingPayment).optional();
    }

    private WaitingPayment waitingPayment(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new WaitingPayment(row.getObject("id", UUID.class), row.getObject("budget_id", UUID.class),
                json.readValue(row.getString("request"), PaymentRequest.class), row.getString("reason"), row.getString("status"),
                row.getString("requested_by"));
    }

    public List<WaitingPayment> waitingFor(UUID budgetId) {
        return jdbc.sql("SELECT id FROM ledger_payment_requests WHERE budget_id = ? ORDER BY requested_at").param(budgetId)
                .query(UUID.class).list().stream().map(id -> waiting(id).orElseThrow()).toList();
    }

    /**
     * The payments the plan does not cover that still wait for an approver, from the budgets of the
     * people the visibility admits (an approver's organisation), oldest first, in one query.
     */
    public List<WaitingPayment> awaitingApproval(People.Visibility visible) {
        return visible.bind(jdbc.sql("""
                        SELECT r.* FROM ledger_payment_requests r JOIN budgets b ON b.id = r.budget_id JOIN people p ON p.id = b.person_id
                        WHERE r.status = 'AWAITING_APPROVAL' AND %s ORDER BY r.requested_at, r.id
                        """.formatted(visible.condition())))
                .query(this::waitingPayment).list();
    }

    private WaitingPayment await(Budget budget, PaymentRequest request, String key, String requestHash, Actor actor) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw PlatformException.invalid("planLine", "Name the line of the agreed plan this pays for. If the plan does not cover it, "
                    + "give a reason and it will wait for an approver.");
        }
        Optional<UUID> earlier = jdbc.sql("SELECT id FROM ledger_payment_requests WHERE idempotency_key = ? AND request_hash = ?")
                .params(key, requestHash).query(UUID.class).optional();
        if (earlier.isPresent()) {
            return waiting(earlier.get()).orElseThrow();
        }
        if (jdbc.sql("SELECT count(*) FROM ledger_payment_requests WHERE idempotency_key = ?").param(key).query(Long.class).single() > 0) {
            throw new PlatformException(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "The idempotency key '" + key + "' was already used for a different request.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO ledger_payment_requests (id, budget_id, request, idempotency_key, request_hash, reason, status,
                                                             requested_by, requested_at)
                        VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, 'AWAITING_APPROVAL', ?, ?)
                        """)
                .params(id, budget.id(), json.writeValueAsString(request), key, requestHash, request.reason().strip(), actor.username(),
                        Timestamp.from(clock.instant()))
                .update();
        return waiting(id).orElseThrow();
    }

    private void checkAllowedByPlan(Budget budget, PaymentRequest request) {
        if (budget.planId() == null || budget.planVersion() == null) {
            throw PlatformException.invalid("planLine", "This budget has no agreed plan, so nothing is covered by one.");
        }
        List<PlanLine> lines = plans.version(budget.planId(), budget.planVersion()).orElseThrow().content().lines();
        if (request.planLine() >= lines.size()) {
            throw PlatformException.invalid("planLine", "The agreed plan has " + lines.size() + " lines, numbered from 0; there is no line "
                    + request.planLine() + ".");
        }
        PlanLine line = lines.get(request.planLine());
        if (!line.management().name().equals(request.from().name())) {
            throw PlatformException.invalid("planLine", "Line " + request.planLine() + " (" + line.support() + ") is managed "
                    + line.management() + ", so it is not paid from " + request.from() + ".");
        }
        if (line.provider() != null && request.payee() != null && !line.provider().equalsIgnoreCase(request.payee())) {
            throw PlatformException.invalid("payee", "Line " + request.planLine() + " (" + line.support() + ") is provided by "
                    + line.provider() + ", not " + request.payee() + ". Pay the provider in the plan, or give a reason without a plan line.");
        }
    }

    private Ledger.Proposal providerPayment(Budget budget, PaymentRequest request) {
        return providerPaymentProposal(budget.id(), request);
    }

    private Ledger.Proposal providerPaymentProposal(UUID budgetId, PaymentRequest request) {
        AccountKind pot = request.from() == PaymentRequest.Pot.NOTIONAL ? AccountKind.BUDGET_NOTIONAL : AccountKind.BUDGET_THIRD_PARTY;
        return new Ledger.Proposal(budgetId, TransactionKind.PROVIDER_PAYMENT, request.description(), request.planLine(), null,
                day(request.effectiveOn()), List.of(Posting.outOf(pot, request.amount()),
                        new Posting(AccountKind.PROVIDER_PAID, request.payee(), request.amount())));
    }

    private Ledger.Proposal directPaymentSpend(Budget budget, PaymentRequest request) {
        return directPaymentSpendProposal(budget.id(), request);
    }

    private Ledger.Proposal directPaymentSpendProposal(UUID budgetId, PaymentRequest request) {
        List<Posting> postings = new ArrayList<>(List.of(Posting.outOf(AccountKind.DIRECT_PAYMENT_HELD, request.amount()),
                Posting.into(AccountKind.DIRECT_PAYMENT_SPENT, request.amount())));
        return new Ledger.Proposal(budgetId, TransactionKind.DIRECT_PAYMENT_SPEND, request.description(), request.planLine(), null,
                day(request.effectiveOn()), postings);
    }

    private LocalDate day(LocalDate effectiveOn) {
        LocalDate today = LocalDate.now(clock);
        if (effectiveOn != null && effectiveOn.isAfter(today)) {
            throw PlatformException.invalid("effectiveOn", "A payment cannot be dated in the future.");
        }
        return effectiveOn == null ? today : effectiveOn;
    }
}
