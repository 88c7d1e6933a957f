package org.almoner.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    private static final Pattern LABEL = Pattern.compile("<text x=\"[^\"]+\" y=\"2[0-9]{2}\"[^>]*>(.*?)</text>");

    private static Map<String, List<Double>> oneSeries(int values) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<Double> amounts = new ArrayList<>();
        for (int value = 0; value < values; value++) {
            amounts.add(1000.0 * (value + 1));
        }
        series.put("Baseline", amounts);
        return series;
    }

    private static List<String> labels(String svg) {
        List<String> labels = new ArrayList<>();
        Matcher matcher = LABEL.matcher(svg);
        while (matcher.find()) {
            labels.add(matcher.group(0));
        }
        return labels;
    }

    @Test
    void shortLabelsStayLevelUnderTheirBars() {
        String svg = SvgCharts.bars("Each year", List.of("2023/24", "2024/25", "2025/26"), oneSeries(3), "£");

        assertThat(svg).contains("viewBox=\"0 0 640 280\"").doesNotContain("rotate(");
        assertThat(labels(svg)).hasSize(3).allSatisfy(label -> assertThat(label).contains("text-anchor=\"middle\""));
    }

    @Test
    void longCohortNamesAreTurnedAndShortenedSoNeighboursDoNotOverlap() {
        List<String> cohorts = new ArrayList<>();
        for (int cohort = 0; cohort < 12; cohort++) {
            cohorts.add("People with severe frailty and three or more long-term conditions, group " + cohort);
        }
        String svg = SvgCharts.bars("Baseline by cohort", cohorts, oneSeries(12), "£");

        List<String> labels = labels(svg);
        assertThat(labels).hasSize(12).allSatisfy(label -> assertThat(label).contains("rotate(-40 ").contains("text-anchor=\"end\""));
        // Shortened to the longest label drawn, the whole name kept in the label's tooltip.
        assertThat(labels.getFirst()).contains("<title>" + cohorts.getFirst() + "</title>People with severe frailty\u2026</text>");
        Matcher height = Pattern.compile("viewBox=\"0 0 640 (\\d+)\"").matcher(svg);
        assertThat(height.find()).isTrue();
        // The turned labels fit below the axis: the longest drawn, at about 6.6 pixels a character, turned 40 degrees.
        int longest = "People with severe frailty\u2026".length();
        assertThat(Integer.parseInt(height.group(1))).isEqualTo(280 + (int) Math.ceil(longest * 6.6 * Math.sin(Math.toRadians(40))));
    }

    @Test
    void aLineChartTurnsItsLabelsTooWhenTheyDoNotFit() {
        List<String> names = List.of("Adults with a learning disability and autism", "Children and young people with complex needs",
                "People at the end of their life");
        Map<String, List<Double>> series = Map.of("Released", List.of(1.0, 2.0, 3.0));

        assertThat(SvgCharts.lines("Released", names, series, "£", null)).contains("rotate(-40 ");
        assertThat(SvgCharts.lines("Released", List.of("Year 1", "Year 2", "Year 3"), series, "£", null)).doesNotContain("rotate(");
    }
}
