package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.people.RepresentationNeed;
import org.springframework.stereotype.Component;

/**
 * A person whose active budget pays a direct payment needs someone to manage it. The platform does
 * not record whether the person manages it themselves, so one who has a nominee or representative
 * is taken to need one: the last of them may go only once another is appointed or the direct
 * payment is withheld (handbook 2.7.4 h), when the money stays with the person notionally or
 * through a third party.
 */
@Component
class DirectPaymentRepresentation implements RepresentationNeed {

    private final Budgets budgets;

    DirectPaymentRepresentation(Budgets budgets) {
        this.budgets = requireNonNull(budgets, "budgets is null");
    }

    @Override
    public Optional<String> whyNeeded(UUID personId) {
        return budgets.forPerson(personId).stream()
                .filter(budget -> budget.status() == BudgetStatus.ACTIVE && budget.mechanisms().directPayment().signum() > 0)
                .findFirst()
                .map(budget -> "their active budget pays a direct payment of " + pounds(budget.mechanisms().directPayment())
                        + " a year, which someone must manage for them");
    }

    private static String pounds(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(amount);
    }
}
