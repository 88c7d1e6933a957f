package org.almoner.platform.reviews;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.BudgetActivated;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.people.People;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reviews in PostgreSQL, scheduled when a budget starts and again when an annual review is held. */
@Component
public class Reviews {

    private final JdbcClient jdbc;
    private final Budgets budgets;
    private final Clock clock;

    Reviews(JdbcClient jdbc, Budgets budgets, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Runs inside the activation's transaction, so a budget never starts without its reviews. */
    @EventListener
    void on(BudgetActivated activated) {
        ReviewSchedule.forNewBudget(activated.startDate(), activated.hasDirectPayment(), activated.monthlyReviewsInFirstThreeMonths())
                .forEach(due -> schedule(activated.personId(), activated.budgetId(), due));
    }

    @Transactional
    public Review complete(Review review, LocalDate heldOn, String outcome, Actor reviewer) {
        LocalDate held = heldOn == null ? LocalDate.now(clock) : heldOn;
        if (held.isAfter(LocalDate.now(clock))) {
            throw PlatformException.invalid("heldOn", "A review cannot be held in the future. Check the date.");
        }
        if (outcome == null || outcome.isBlank()) {
            throw PlatformException.invalid("outcome", "Record what the review found and agreed, including the financial review.");
        }
        if (review.completedOn().isPresent()) {
            throw new PlatformException(PlatformErrorCode.REVIEW_ALREADY_COMPLETED, "This review was already held on "
                    + review.completedOn().get() + ".");
        }
        int updated = jdbc.sql("UPDATE reviews SET completed_on = ?, completed_by = ?, outcome = ? WHERE id = ? AND completed_on IS NULL")
                .params(Date.valueOf(held), reviewer.username(), outcome.strip(), review.id()).update();
        if (updated != 1) {
            throw new PlatformException(PlatformErrorCode.REVIEW_ALREADY_COMPLETED, "Someone else recorded this review just now. Reload it.");
        }
        if (review.kind() == ReviewKind.ANNUAL) {
            Budget budget = budgets.find(review.budgetId()).orElseThrow();
            ReviewSchedule.afterAnnualReview(held, budget.endDate()).forEach(due -> schedule(review.personId(), review.budgetId(), due));
        }
        return find(review.id()).orElseThrow();
    }

    public Optional<Review> find(UUID id) {
        return jdbc.sql("SELECT * FROM reviews WHERE id = ?").param(id).query(Reviews::review).optional();
    }

    public List<Review> forPerson(UUID personId) {
        return jdbc.sql("SELECT * FROM reviews WHERE person_id = ? ORDER BY due_on, id").param(personId).query(Reviews::review).list();
    }

    /**
     * Reviews not yet held and due by {@code until} (overdue ones included), of the people the
     * visibility admits, soonest first, at most {@code limit}: one query however many people
     * there are.
     */
    public List<Review> dueBy(People.Visibility visible, LocalDate until, int limit) {
        return notHeld(visible, "r.due_on <= :day", until, " LIMIT " + Math.max(0, limit));
    }

    /** Reviews past their due date and not yet held, of the people the visibility admits, oldest due first. */
    public List<Review> overdue(People.Visibility visible) {
        return notHeld(visible, "r.due_on < :day", LocalDate.now(clock), "");
    }

    private List<Review> notHeld(People.Visibility visible, String dueCondition, LocalDate day, String limit) {
        return visible.bind(jdbc.sql("""
                        SELECT r.* FROM reviews r JOIN people p ON p.id = r.person_id
                        WHERE r.completed_on IS NULL AND %s AND %s
                        ORDER BY r.due_on, r.id%s
                        """.formatted(dueCondition, visible.condition(), limit)))
                .param("day", Date.valueOf(day))
                .query(Reviews::review)
                .list();
    }

    private void schedule(UUID personId, UUID budgetId, ReviewSchedule.Due due) {
        jdbc.sql("""
                        INSERT INTO reviews (id, person_id, budget_id, kind, due_on, includes_financial_review)
                        VALUES (?, ?, ?, ?, ?, true)
                        """)
                .params(UUID.randomUUID(), personId, budgetId, due.kind().name(), Date.valueOf(due.dueOn()))
                .update();
    }

    private static Review review(ResultSet row, int number) throws SQLException {
        Date completed = row.getDate("completed_on");
        return new Review(row.getObject("id", UUID.class), row.getObject("person_id", UUID.class),
                row.getObject("budget_id", UUID.class), ReviewKind.valueOf(row.getString("kind")),
                row.getDate("due_on").toLocalDate(), row.getBoolean("includes_financial_review"),
                Optional.ofNullable(completed).map(Date::toLocalDate), Optional.ofNullable(row.getString("completed_by")),
                Optional.ofNullable(row.getString("outcome")));
    }
}
