package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * The data quality report as one self-contained HTML page: no scripts, no external files, so it
 * opens anywhere and can be emailed. Styled after the NHS.UK design system (colours, type scale,
 * tags with words, not colour alone) and written to WCAG 2.2 AA: a language, headings in order,
 * table captions and header scopes, contrast of 4.5:1 or more.
 */
final class QualityPage {

    private final DataQualityReport report;
    private final StringBuilder html = new StringBuilder(64 * 1024);

    QualityPage(DataQualityReport report) {
        this.report = requireNonNull(report, "report is null");
    }

    String render() {
        html.append("""
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Data quality report - Almoner</title>
                <style>
                body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#212b32;background:#f0f4f5;line-height:1.5;font-size:16px}
                header{background:#005eb8;color:#fff;padding:16px 24px}
                header p{margin:0;font-weight:bold;font-size:19px}
                main{max-width:1100px;margin:0 auto;padding:24px;background:#fff}
                h1{font-size:32px;margin:0 0 16px}h2{font-size:24px;margin:32px 0 8px}h3{font-size:19px;margin:24px 0 8px}
                table{border-collapse:collapse;width:100%;margin:8px 0 24px;font-size:14px}
                caption{text-align:left;font-weight:bold;padding:4px 0}
                th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}
                th{background:#f0f4f5}td.number{text-align:right;font-variant-numeric:tabular-nums}
                .tag{display:inline-block;padding:1px 8px;border:2px solid;font-weight:bold;font-size:14px}
                .GOOD{color:#005a30;background:#cce2d8;border-color:#005a30}
                .NEEDS_ATTENTION{color:#594d00;background:#fff7bf;border-color:#594d00}
                .POOR{color:#942514;background:#f6d7d2;border-color:#942514}
                .NOT_APPLICABLE{color:#4c6272;background:#fff;border-color:#4c6272}
                .summary{border-left:8px solid #005eb8;padding:8px 16px;background:#f0f4f5}
                .inset{border-left:8px solid #d8dde0;padding:4px 16px}
                a{color:#005eb8}a:focus{background:#ffeb3b;color:#212b32;outline:4px solid #212b32}
                </style>
                </head>
                <body>
                <header><p>Almoner: linked data set</p></header>
                <main id="main-content">
                <h1>Data quality report</h1>
                """);
        summary();
        overview();
        for (SourceQuality source : report.sources()) {
            source(source);
        }
        methods();
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void summary() {
        List<SourceQuality> attention = report.needingAttention();
        long read = report.sources().stream().mapToLong(SourceQuality::rowsRead).sum();
        long rejected = report.sources().stream().mapToLong(SourceQuality::rowsRejected).sum();
        html.append("<div class=\"summary\">\n<p>Judged as at ").append(report.asOf()).append(". ")
                .append(String.format(Locale.UK, "%,d rows read from %d files; %,d rejected (listed in rejects.csv).",
                        read, report.sources().size(), rejected))
                .append("</p>\n");
        if (attention.isEmpty()) {
            html.append("<p>Every source meets the quality thresholds.</p>\n");
        } else {
            html.append("<p>These sources need attention before the data is used to set budgets or find cohorts:</p>\n<ul>\n");
            for (SourceQuality source : attention) {
                html.append("<li><a href=\"#").append(anchor(source.file())).append("\">").append(escape(displayName(source.file())))
                        .append("</a>: ").append(tag(source.worst())).append(' ').append(escape(reasonsFor(source)))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</div>\n");
    }

    private static String reasonsFor(SourceQuality source) {
        StringBuilder reasons = new StringBuilder();
        if (source.loaded().rating() != Rating.GOOD && source.loaded().rating() != Rating.NOT_APPLICABLE) {
            reasons.append(String.format(Locale.UK, "%,d rows rejected. ", source.rowsRejected()));
        }
        for (FieldQuality field : source.fields()) {
            if (field.completeness().rating() == Rating.POOR || field.completeness().rating() == Rating.NEEDS_ATTENTION) {
                reasons.append(field.field()).append(" is ").append(percent(field.completeness())).append(" complete. ");
            }
            if (field.validity().rating() == Rating.POOR || field.validity().rating() == Rating.NEEDS_ATTENTION) {
                reasons.append(field.field()).append(" is ").append(percent(field.validity())).append(" valid. ");
            }
            if (field.defaults().rating() == Rating.POOR || field.defaults().rating() == Rating.NEEDS_ATTENTION) {
                reasons.append(field.field()).append(" uses a default value in ").append(percent(field.defaults())).append(". ");
            }
        }
        if (source.timeliness() != null && (source.timeliness().timely().rating() == Rating.POOR
                || source.timeliness().timely().rating() == Rating.NEEDS_ATTENTION)) {
            reasons.append("Only ").append(percent(source.timeliness().timely())).append(" of records arrive on time. ");
        }
        return reasons.toString().strip();
    }

    private void overview() {
        html.append("<h2>Sources</h2>\n<table>\n<caption>Rows read, loaded and rejected per file</caption>\n")
                .append("<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Kind</th><th scope=\"col\">Rows read</th>")
                .append("<th scope=\"col\">Loaded</th><th scope=\"col\">Rejected</th><th scope=\"col\">Overall</th></tr></thead>\n<tbody>\n");
        for (SourceQuality source : report.sources()) {
            html.append("<tr><th scope=\"row\"><a href=\"#").append(anchor(source.file())).append("\">")
                    .append(escape(displayName(source.file()))).append("</a></th><td>").append(escape(source.kind())).append("</td>")
                    .append(number(source.rowsRead())).append(number(source.rowsLoaded())).append(number(source.rowsRejected()))
                    .append("<td>").append(tag(source.worst())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void source(SourceQuality source) {
        html.append("<h2 id=\"").append(anchor(source.file())).append("\">").append(escape(displayName(source.file())))
                .append("</h2>\n<p><small>").append(escape(source.file())).append("</small></p>\n");
        html.append("<p>").append(escape(source.kind()));
        if (!source.sourceSystems().isEmpty()) {
            html.append(" from ").append(escape(String.join(", ", source.sourceSystems())));
        }
        html.append(String.format(Locale.UK, ": %,d rows read, %,d loaded, %,d rejected.", source.rowsRead(),
                source.rowsLoaded(), source.rowsRejected())).append("</p>\n");
        if (source.timeliness() != null) {
            Timeliness timeliness = source.timeliness();
            html.append("<div class=\"inset\"><p><strong>Timeliness:</strong> ");
            if (timeliness.timely().outOf() == 0) {
                html.append("no rows carry a recorded date, so timeliness cannot be measured. ");
            } else {
                html.append(percent(timeliness.timely())).append(" of records reached the source within ")
                        .append(report.timelinessDays()).append(" days of the activity ").append(tag(timeliness.timely().rating()))
                        .append(String.format(Locale.UK, "; median %.0f days, 90%% within %.0f days. ",
                                timeliness.medianDays(), timeliness.ninetiethPercentileDays()));
            }
            if (timeliness.latestActivity() != null) {
                html.append("Latest activity ").append(timeliness.latestActivity()).append(", ").append(timeliness.daysBehind())
                        .append(" days before ").append(report.asOf()).append('.');
            }
            html.append("</p></div>\n");
        }
        html.append("<table>\n<caption>Completeness, validity and use of defaults in ").append(escape(displayName(source.file())))
                .append("</caption>\n<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Completeness</th>")
                .append("<th scope=\"col\">Validity</th><th scope=\"col\">Defaults used</th><th scope=\"col\">Validity rule</th></tr></thead>\n<tbody>\n");
        for (FieldQuality field : source.fields()) {
            html.append("<tr><th scope=\"row\">").append(escape(field.field())).append(field.required() ? " (required)" : "")
                    .append("</th><td>").append(cell(field.completeness())).append("</td><td>").append(cell(field.validity()))
                    .append("</td><td>").append(cell(field.defaults())).append("</td><td>").append(escape(field.rule()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!source.rejectReasons().isEmpty()) {
            html.append("<table>\n<caption>Why rows were rejected</caption>\n<thead><tr><th scope=\"col\">Field</th>")
                    .append("<th scope=\"col\">Rows</th><th scope=\"col\">Example reason</th></tr></thead>\n<tbody>\n");
            for (SourceQuality.RejectReason reason : source.rejectReasons()) {
                html.append("<tr><th scope=\"row\">").append(escape(reason.field())).append("</th>").append(number(reason.rows()))
                        .append("<td>").append(escape(reason.reason())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private void methods() {
        html.append("""
                <h2>How the checks work</h2>
                <ul>
                <li><strong>Completeness</strong>: rows with a value in the field, of the rows loaded. Good from 95%, needs attention from 80%.
                Rated for the identifiers that linkage depends on (NHS number, name, date of birth, sex, postcode), the recorded date
                that timeliness depends on, and the population's demographics; other optional fields, rightly blank in many
                rows (a point of delivery outside hospital, a date of death), are shown for information.</li>
                <li><strong>Validity</strong>: values that pass the field's rule (NHS number check digit, real dates not in the future,
                UK postcode shape, known codes), of values present. Good from 99%, needs attention from 95%.</li>
                <li><strong>Timeliness</strong>: records that reached their source within the threshold after the activity ended.
                Good from 90%, needs attention from 70%.</li>
                <li><strong>Use of defaults</strong>: values that stand for "not known" (date of birth 1900-01-01, postcodes ZZ99,
                NHS numbers 0000000000 and 9999999999, practice V81999, sex 0 or 9, ethnicity Z or 99; NHS Data Dictionary),
                of values present. Good up to 1%, needs attention up to 5%.</li>
                </ul>
                <p>Completeness, validity and defaults are measured on the rows loaded; rejected rows are counted and explained
                per field in each source's table of reasons and listed one by one in rejects.csv. The checks follow the NHS England Finance, Commissioning and Contracting Handbook (2019), section 5.2.3.</p>
                """);
    }

    private static String cell(Measure measure) {
        if (measure.rating() == Rating.NOT_APPLICABLE) {
            return measure.outOf() == 0 ? tag(Rating.NOT_APPLICABLE)
                    : percent(measure) + " <small>(for information)</small>" + String.format(Locale.UK,
                            "<br><small>%,d of %,d</small>", measure.count(), measure.outOf());
        }
        return percent(measure) + " " + tag(measure.rating()) + String.format(Locale.UK, "<br><small>%,d of %,d</small>",
                measure.count(), measure.outOf());
    }

    private static String percent(Measure measure) {
        Double share = measure.share();
        return share == null ? "n/a" : String.format(Locale.UK, "%.1f%%", share * 100);
    }

    private static String tag(Rating rating) {
        return "<strong class=\"tag " + rating.name() + "\">" + rating.label() + "</strong>";
    }

    private static String number(long value) {
        return String.format(Locale.UK, "<td class=\"number\">%,d</td>", value);
    }

    /** The file as a person knows it: its name, under its folder when that is activity/ or fhir/. */
    static String displayName(String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        java.nio.file.Path parent = path.getParent();
        String name = path.getFileName().toString();
        return parent != null && parent.getFileName() != null ? parent.getFileName() + "/" + name : name;
    }

    private static String anchor(String file) {
        return "source-" + file.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
