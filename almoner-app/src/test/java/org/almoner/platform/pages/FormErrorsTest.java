package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

/** Errors on a page of several forms land beside the input of the form that was sent. */
class FormErrorsTest {

    private static final Set<String> PAY = Set.of("amount", "effectiveOn");

    @Test
    void aFieldTheLedgerNamesGetsThePrefixOfTheFormSent() {
        assertThat(FormErrors.of(PlatformException.invalid("amount", "Give an amount."), "pay", PAY))
                .isEqualTo(Map.of("pay-amount", "Give an amount."));
    }

    @Test
    void aFieldThePageNamedWithItsPrefixKeepsIt() {
        assertThat(FormErrors.of(PlatformException.invalid("pay.effectiveOn", "Enter a real date."), "pay", PAY))
                .isEqualTo(Map.of("pay-effectiveOn", "Enter a real date."));
    }

    @Test
    void aRefusalNamingNoInputOfTheFormGoesToTheTopOfThePage() {
        assertThat(FormErrors.of(new PlatformException(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key", "Used before."), "pay", PAY))
                .isEqualTo(Map.of("form", "Used before."));
        assertThat(FormErrors.of(new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT, "Already decided."), "pay", PAY))
                .isEqualTo(Map.of("form", "Already decided."));
    }
}
