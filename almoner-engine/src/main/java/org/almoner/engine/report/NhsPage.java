package org.almoner.engine.report;

import static org.almoner.engine.report.SvgCharts.escape;

/**
 * The frame of a report page in the style of the NHS.UK service manual: Arial, NHS blue header, plain
 * tables, an inset for what matters most. Callers append the body between {@link #start} and {@link #end}.
 */
public final class NhsPage {

    private NhsPage() {
    }

    /** The page from its doctype to the opening of the main content, with the title as the heading. */
    public static String start(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>
                body{margin:0;font-family:Arial,"Helvetica Neue",sans-serif;color:#212b32;background:#f0f4f5;font-size:16px;line-height:1.5}
                header{background:#005eb8;color:#fff;padding:16px 32px}header p{margin:0;font-weight:bold;font-size:20px}
                main{max-width:1000px;margin:0 auto;padding:24px 32px;background:#fff}
                h1{font-size:32px;margin:0 0 16px}h2{font-size:24px;margin:32px 0 8px}
                table{border-collapse:collapse;width:100%%;margin:8px 0 24px;font-size:14px}
                th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}
                td.n,th.n{text-align:right;white-space:nowrap}
                .flag{color:#d5281b;font-weight:bold}.ok{color:#007f3b}
                .inset{border-left:8px solid #005eb8;padding:8px 16px;background:#f0f4f5;margin:16px 0}
                .warning{border-left:8px solid #d5281b;padding:8px 16px;background:#fff9c4;margin:16px 0}
                figure.chart{margin:16px 0 32px}figcaption{font-weight:bold;margin-bottom:4px}svg{width:100%%;height:auto;background:#fff}
                ul.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:16px;font-size:14px}
                ul.legend span{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}
                pre{white-space:pre-wrap;font-family:inherit}
                footer{max-width:1000px;margin:0 auto;padding:16px 32px;color:#4c6272;font-size:14px}
                </style></head><body>
                <header><p>Almoner</p></header><main>
                <h1>%1$s</h1>
                """.formatted(escape(title));
    }

    /** Closes the main content with a footer line and ends the page. */
    public static String end(String footer) {
        return "</main><footer>" + escape(footer) + "</footer></body></html>\n";
    }
}
