package org.almoner.engine.page;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * One HTML page built up in order: headings, paragraphs, and tables from queries. Styled after the NHS.UK design
 * system and written to WCAG 2.2 AA (a language, headings in order, table captions and header scopes, print
 * friendly). Everything added is escaped; callers pass plain text.
 */
public final class HtmlPage {

    private static final String STYLE = """
            body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#212b32;background:#f0f4f5;line-height:1.5;font-size:16px}
            header{background:#005eb8;color:#fff;padding:16px 24px}header p{margin:0;font-weight:bold;font-size:19px}
            main{max-width:1200px;margin:0 auto;padding:24px;background:#fff}
            h1{font-size:32px;margin:0 0 16px}h2{font-size:24px;margin:32px 0 8px}h3{font-size:19px;margin:24px 0 8px}
            table{border-collapse:collapse;width:100%;margin:8px 0 24px;font-size:14px}
            caption{text-align:left;font-weight:bold;padding:4px 0}
            th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f0f4f5}td.number{text-align:right;font-variant-numeric:tabular-nums}
            .summary{border-left:8px solid #005eb8;padding:8px 16px;background:#f0f4f5}
            .warning{border-left:8px solid #ffb81c;padding:8px 16px;background:#fff9e6}
            .inset{border-left:8px solid #d8dde0;padding:4px 16px}
            a{color:#005eb8}a:focus{background:#ffeb3b;color:#212b32;outline:4px solid #212b32}
            @media print{body{background:#fff}header{background:#fff;color:#212b32;border-bottom:4px solid #005eb8}main{max-width:none}}
            """;

    private final StringBuilder html = new StringBuilder(32 * 1024);

    /** Starts a page with a title (also the first heading) under a banner naming the Almoner area. */
    public HtmlPage(String banner, String title) {
        requireNonNull(banner, "banner is null");
        requireNonNull(title, "title is null");
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append(" - Almoner</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header><p>").append(escape(banner)).append("</p></header>\n<main id=\"main-content\">\n<h1>")
                .append(escape(title)).append("</h1>\n");
    }

    public HtmlPage heading(String text) {
        html.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage subheading(String text) {
        html.append("<h3>").append(escape(text)).append("</h3>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        html.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted box: {@code kind} is summary, warning or inset. */
    public HtmlPage box(String kind, String text) {
        html.append("<div class=\"").append(escape(kind)).append("\"><p>").append(escape(text)).append("</p></div>\n");
        return this;
    }

    public HtmlPage list(Iterable<String> items) {
        html.append("<ul>\n");
        for (String item : items) {
            html.append("<li>").append(escape(item)).append("</li>\n");
        }
        html.append("</ul>\n");
        return this;
    }

    /**
     * A table of a query's rows: column names become headers (underscores read as spaces), numbers are right
     * aligned, money (DECIMAL with two places) shown with pound signs. At most {@code maximumRows} rows, with a
     * note when there are more.
     */
    public HtmlPage table(Connection connection, String caption, String sql, int maximumRows) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            html.append("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
            for (int column = 1; column <= columns; column++) {
                html.append("<th scope=\"col\">").append(escape(meta.getColumnLabel(column).replace('_', ' '))).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            int shown = 0;
            boolean more = false;
            while (rows.next()) {
                if (shown == maximumRows) {
                    more = true;
                    break;
                }
                html.append("<tr>");
                for (int column = 1; column <= columns; column++) {
                    html.append(cell(rows, meta, column));
                }
                html.append("</tr>\n");
                shown++;
            }
            html.append("</tbody>\n</table>\n");
            if (more) {
                paragraph("Only the first " + maximumRows + " rows are shown here; the CSV file holds them all.");
            }
            return this;
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not build the table '" + caption + "': " + e.getMessage(), e);
        }
    }

    private static String cell(ResultSet rows, ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        if (type == Types.DECIMAL || type == Types.NUMERIC) {
            BigDecimal value = rows.getBigDecimal(column);
            if (value == null) {
                return "<td class=\"number\"></td>";
            }
            boolean money = meta.getScale(column) == 2;
            return "<td class=\"number\">" + (money ? money(value) : value.toPlainString()) + "</td>";
        }
        if (type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT || type == Types.DOUBLE || type == Types.FLOAT) {
            String value = rows.getString(column);
            return "<td class=\"number\">" + (value == null ? "" : escape(value)) + "</td>";
        }
        if (type == Types.BOOLEAN) {
            boolean value = rows.getBoolean(column);
            return "<td>" + (rows.wasNull() ? "" : value ? "yes" : "no") + "</td>";
        }
        String value = rows.getString(column);
        return "<td>" + (value == null ? "" : escape(value)) + "</td>";
    }

    /** Pounds and pence with thousands separators, for example £1,234.50. */
    public static String money(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return (value.signum() < 0 ? "-" : "") + format.format(value.abs());
    }

    /** Finishes the page and writes it as UTF-8. */
    public void writeTo(Path file) {
        html.append("</main>\n</body>\n</html>\n");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finishes the page and returns the HTML. */
    public String render() {
        return html + "</main>\n</body>\n</html>\n";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
