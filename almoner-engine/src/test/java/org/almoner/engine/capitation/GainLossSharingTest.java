package org.almoner.engine.capitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GainLossSharingTest {

    private static BigDecimal money(String text) {
        return new BigDecimal(text);
    }

    @Test
    void sharesAGainAcrossCorridorsToThePenny() {
        GainLossShare share = GainLossSharing.defaults().share(money("1000000.00"), money("960000.00"));

        assertThat(share.difference()).isEqualByComparingTo("40000.00");
        assertThat(share.bands()).extracting(GainLossShare.Band::differenceInBand)
                .containsExactly(money("20000.00"), money("20000.00"), money("0.00"));
        assertThat(share.bands()).extracting(GainLossShare.Band::providerPart)
                .containsExactly(money("20000.00"), money("10000.00"), money("0.00"));
        assertThat(share.providerShare()).isEqualByComparingTo("30000.00");
        assertThat(share.commissionerShare()).isEqualByComparingTo("10000.00");
        assertThat(share.settlement()).isEqualByComparingTo("990000.00");
    }

    @Test
    void sharesALossWithTheProviderBearingItsPartOnly() {
        GainLossShare share = GainLossSharing.defaults().share(money("1000000.00"), money("1073456.78"));

        assertThat(share.difference()).isEqualByComparingTo("-73456.78");
        assertThat(share.bands()).extracting(GainLossShare.Band::providerPart)
                .containsExactly(money("-20000.00"), money("-15000.00"), money("0.00"));
        assertThat(share.bands().get(2).differenceInBand()).isEqualByComparingTo("-23456.78");
        assertThat(share.providerShare()).isEqualByComparingTo("-35000.00");
        assertThat(share.commissionerShare()).isEqualByComparingTo("-38456.78");
        assertThat(share.settlement()).isEqualByComparingTo("1038456.78");
    }

    @Test
    void roundsEachBandToThePennyAndTheTotalsAddUp() {
        // 2% of 12,345.67 is 246.9134; the 98.7566 beyond it is shared half and half: 49.3783 -> 49.38.
        GainLossShare share = GainLossSharing.defaults().share(money("12345.67"), money("12000.00"));

        assertThat(share.bands()).extracting(GainLossShare.Band::providerPart)
                .containsExactly(money("246.91"), money("49.38"), money("0.00"));
        assertThat(share.providerShare()).isEqualByComparingTo("296.29");
        assertThat(share.commissionerShare()).isEqualByComparingTo("49.38");
        assertThat(share.providerShare().add(share.commissionerShare())).isEqualByComparingTo(share.difference());
    }

    @Test
    void withholdsPartOfAGainWhenAQualityConditionIsNotMet() {
        GainLossSharing sharing = new GainLossSharing(GainLossSharing.defaults().corridors(), List.of(
                new QualityCondition("care plans for 90% of the cohort", false, money("25")),
                new QualityCondition("budget holders' experience survey", true, money("50"))));

        GainLossShare share = sharing.share(money("12345.67"), money("12000.00"));

        assertThat(share.qualityWithheld()).isEqualByComparingTo("74.07");
        assertThat(share.providerShare()).isEqualByComparingTo("222.22");
        assertThat(share.commissionerShare()).isEqualByComparingTo("123.45");
    }

    @Test
    void qualityConditionsDoNotChangeTheShareOfALoss() {
        GainLossSharing sharing = new GainLossSharing(GainLossSharing.defaults().corridors(),
                List.of(new QualityCondition("care plans", false, money("100"))));

        GainLossShare share = sharing.share(money("1000000.00"), money("1010000.00"));

        assertThat(share.qualityWithheld()).isEqualByComparingTo("0.00");
        assertThat(share.providerShare()).isEqualByComparingTo("-10000.00");
    }

    @Test
    void noDifferenceSharesNothing() {
        GainLossShare share = GainLossSharing.defaults().share(money("5000.00"), money("5000.00"));

        assertThat(share.providerShare()).isEqualByComparingTo("0");
        assertThat(share.commissionerShare()).isEqualByComparingTo("0");
        assertThat(share.settlement()).isEqualByComparingTo("5000.00");
    }

    @Test
    void refusesCorridorsWithAGap() {
        assertThatThrownBy(() -> new GainLossSharing(List.of(
                new RiskCorridor(BigDecimal.ZERO, money("2"), money("100")),
                new RiskCorridor(money("3"), null, money("0"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corridor 2 must start where corridor 1 ends");
    }
}
