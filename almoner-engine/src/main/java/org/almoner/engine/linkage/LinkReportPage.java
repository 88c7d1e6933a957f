package org.almoner.engine.linkage;

import static org.almoner.engine.linkage.internal.Html.escape;

import java.util.List;
import java.util.Locale;

/** The HTML report of a link run, in the NHS.UK style of the data quality report. */
final class LinkReportPage {

    private LinkReportPage() {
    }

    static String render(LinkConfiguration configuration, LinkOutcome outcome, List<PairExplanation> review,
            List<PairExplanation> links, Evaluation evaluation) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Record linkage report - Almoner</title>
                <style>
                body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#212b32;background:#f0f4f5;line-height:1.5;font-size:16px}
                header{background:#005eb8;color:#fff;padding:16px 24px}
                header p{margin:0;font-weight:bold;font-size:19px}
                main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}
                h1{font-size:32px;margin:0 0 16px}h2{font-size:24px;margin:32px 0 8px}
                table{border-collapse:collapse;width:100%;margin:8px 0 24px;font-size:14px}
                caption{text-align:left;font-weight:bold;padding:4px 0}
                th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}
                th{background:#f0f4f5}td.number{text-align:right;font-variant-numeric:tabular-nums}
                .summary{border-left:8px solid #005eb8;padding:8px 16px;background:#f0f4f5}
                .for{color:#005a30}.against{color:#942514}
                </style>
                </head>
                <body>
                <header><p>Almoner: record linkage</p></header>
                <main id="main-content">
                <h1>Record linkage report</h1>
                """);
        html.append("<div class=\"summary\"><p>")
                .append(escape(configuration.deduplicate() ? "De-duplicated " + configuration.left().name()
                        : "Linked " + configuration.left().name() + " with " + configuration.right().name()))
                .append(String.format(Locale.UK, ": %,d pairs compared, <strong>%,d links</strong>, %,d pairs for clerical review, %,d persons.",
                        outcome.comparedPairs(), outcome.links(), outcome.review(), outcome.clusters()))
                .append("</p><p>")
                .append(String.format(Locale.UK, "A pair is a link at a match weight of %.2f or more (match probability %.4f);"
                        + " pairs from %.2f up to that go to clerical review. The prior probability that two records taken at random match is %.3g (weight %.2f).",
                        configuration.settings().linkWeight(), probability(configuration.settings().linkWeight()),
                        configuration.settings().reviewWeight(), outcome.parameters().prior(), outcome.parameters().priorWeight()))
                .append("</p></div>\n");
        if (evaluation != null) {
            Evaluation.Point at = evaluation.atLinkWeight();
            html.append("<h2>Against the true identities</h2>\n<table><caption>Precision, recall and F1 by threshold</caption>")
                    .append("<tr><th>match weight at least</th><th>links</th><th>correct</th><th>precision</th><th>recall</th><th>F1</th></tr>\n");
            for (Evaluation.Point point : evaluation.sweep()) {
                html.append(pointRow(point));
            }
            html.append("</table>\n<p>At the link threshold: ").append(pointSentence(at)).append("</p>\n");
        }
        html.append("<h2>Blocking rules</h2>\n<table><caption>Pairs each rule generates (a pair two rules generate is compared once)</caption>")
                .append("<tr><th>rule</th><th>pairs</th></tr>\n");
        for (LinkOutcome.RuleCount count : outcome.comparisonsByRule()) {
            html.append("<tr><td>").append(escape(count.rule().description())).append("</td><td class=\"number\">")
                    .append(String.format(Locale.UK, "%,d", count.pairs())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>The model: m and u per comparison level</h2>\n<p>m: how often records of the same person compare so"
                + " (estimated by expectation-maximisation"
                + (outcome.parameters().converged() ? ", converged in " + outcome.parameters().iterations() + " iterations" : ", NOT converged")
                + "). u: how often records of different people do (from random pairs). Weight: log<sub>2</sub>(m/u), what the level adds to"
                + " the match weight. Exact agreement on a name is further adjusted for how common the name is.</p>\n");
        html.append("<table><tr><th>field</th><th>level</th><th>m</th><th>u</th><th>weight</th></tr>\n");
        ModelParameters parameters = outcome.parameters();
        for (LinkField field : LinkField.values()) {
            for (int level = 0; level < field.levels().size(); level++) {
                html.append("<tr><td>").append(escape(field.column())).append("</td><td>").append(escape(field.levels().get(level)))
                        .append(String.format(Locale.UK, "</td><td class=\"number\">%.5f</td><td class=\"number\">%.6f</td><td class=\"number\">%+.2f</td></tr>%n",
                                parameters.m().get(field).get(level), parameters.u().get(field).get(level), parameters.weight(field, level)));
            }
        }
        html.append("</table>\n");
        explanations(html, "Pairs for clerical review", "Each pair with what every field added to its match weight; decide whether"
                + " they are the same person.", review);
        explanations(html, "Links nearest the threshold", "The weakest links: the ones to check first if in doubt.", links);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void explanations(StringBuilder html, String title, String intro, List<PairExplanation> pairs) {
        html.append("<h2>").append(escape(title)).append("</h2>\n<p>").append(escape(intro));
        if (pairs.isEmpty()) {
            html.append(" None.</p>\n");
            return;
        }
        html.append(" The first ").append(pairs.size()).append(" are shown; the full list is in the CSV files.</p>\n");
        html.append("<table><tr><th>left</th><th>right</th><th>match weight</th>");
        for (LinkField field : LinkField.values()) {
            html.append("<th>").append(escape(field.column())).append("</th>");
        }
        html.append("</tr>\n");
        for (PairExplanation pair : pairs) {
            html.append("<tr><td>").append(escape(pair.leftId())).append("</td><td>").append(escape(pair.rightId()))
                    .append(String.format(Locale.UK, "</td><td class=\"number\">%.2f</td>", pair.matchWeight()));
            for (PairExplanation.Contribution c : pair.contributions()) {
                html.append("<td class=\"").append(c.total() >= 0 ? "for" : "against").append("\">").append(escape(c.level()))
                        .append(String.format(Locale.UK, " (%+.2f)", c.total())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String pointRow(Evaluation.Point point) {
        return String.format(Locale.UK, "<tr><td class=\"number\">%.2f</td><td class=\"number\">%,d</td><td class=\"number\">%,d</td>"
                + "<td class=\"number\">%.4f</td><td class=\"number\">%.4f</td><td class=\"number\">%.4f</td></tr>%n",
                point.threshold(), point.links(), point.correct(), point.precision(), point.recall(), point.f1());
    }

    static String pointSentence(Evaluation.Point point) {
        return String.format(Locale.UK, "precision %.4f, recall %.4f, F1 %.4f (%,d links, %,d correct, %,d true pairs)",
                point.precision(), point.recall(), point.f1(), point.links(), point.correct(), point.truePairs());
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
