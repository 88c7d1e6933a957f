package org.almoner.platform.pages;

import java.math.BigDecimal;
import java.util.Map;
import org.almoner.platform.ledger.AccountKind;

/**
 * A budget's balances as the pages show them: what is left in each part, what the person holds as
 * a direct payment, what they reported spending, and what is left in all.
 */
record LedgerView(BigDecimal notional, BigDecimal thirdParty, BigDecimal directPaymentToTransfer, BigDecimal directPaymentHeld,
        BigDecimal directPaymentSpent, BigDecimal left) {

    static LedgerView of(Map<AccountKind, BigDecimal> balances) {
        BigDecimal notional = balances.getOrDefault(AccountKind.BUDGET_NOTIONAL, BigDecimal.ZERO);
        BigDecimal thirdParty = balances.getOrDefault(AccountKind.BUDGET_THIRD_PARTY, BigDecimal.ZERO);
        BigDecimal toTransfer = balances.getOrDefault(AccountKind.BUDGET_DIRECT_PAYMENT, BigDecimal.ZERO);
        BigDecimal held = balances.getOrDefault(AccountKind.DIRECT_PAYMENT_HELD, BigDecimal.ZERO);
        return new LedgerView(notional, thirdParty, toTransfer, held, balances.getOrDefault(AccountKind.DIRECT_PAYMENT_SPENT, BigDecimal.ZERO),
                notional.add(thirdParty).add(toTransfer).add(held));
    }
}
