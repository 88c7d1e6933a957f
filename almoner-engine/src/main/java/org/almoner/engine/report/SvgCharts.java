package org.almoner.engine.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts for report pages: grouped bars and lines over categories (years, deciles), one
 * colour per series, drawn without scripts or network so a page works offline and prints.
 */
public final class SvgCharts {

    /** NHS identity colours (NHS England brand guidelines): blue, warm yellow, green, purple, dark pink, grey. */
    public static final List<String> COLOURS = List.of("#005eb8", "#ffb81c", "#007f3b", "#330072", "#7c2855", "#425563");

    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    /** Roughly how wide a character of the 12-pixel labels is, to tell whether a label fits under its bar. */
    private static final double CHARACTER_WIDTH = 6.6;
    /** Longest label drawn; a longer one is shortened, its whole name in its tooltip and in the table beside the chart. */
    private static final int LONGEST_LABEL = 28;
    /** Labels too wide for their slot are turned by this many degrees, so neighbours do not overlap. */
    private static final int TURN = 40;

    private SvgCharts() {
    }

    /** Grouped bars: for each category, one bar per series; unit is "£" or "%". */
    public static String bars(String title, List<String> years, Map<String, List<Double>> series, String unit) {
        Scale scale = Scale.of(series, 0);
        double slot = (WIDTH - LEFT - RIGHT) / (double) years.size();
        StringBuilder svg = open(title, labelRoom(years, slot));
        axes(svg, scale, unit);
        double barWidth = Math.max(2, slot * 0.8 / Math.max(1, series.size()));
        int s = 0;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            for (int y = 0; y < years.size(); y++) {
                double value = entry.getValue().get(y);
                double x = LEFT + slot * y + slot * 0.1 + barWidth * s;
                double top = scale.y(Math.max(value, 0));
                double bottom = scale.y(Math.min(value, 0));
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>%n",
                        x, top, barWidth, Math.max(bottom - top, 0.5), colour(s), escape(entry.getKey()), years.get(y),
                        format(value, unit)));
            }
            s++;
        }
        yearLabels(svg, years, slot);
        return close(svg, series);
    }

    /** Lines: one per series; {@code threshold}, when given, is drawn dashed in red. */
    public static String lines(String title, List<String> years, Map<String, List<Double>> series, String unit, Double threshold) {
        Scale scale = Scale.of(series, threshold == null ? 0 : threshold);
        double slot = (WIDTH - LEFT - RIGHT) / (double) years.size();
        StringBuilder svg = open(title, labelRoom(years, slot));
        axes(svg, scale, unit);
        if (threshold != null) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d5281b\""
                    + " stroke-dasharray=\"6 4\" stroke-width=\"2\"><title>stability threshold %s</title></line>%n",
                    LEFT, WIDTH - RIGHT, scale.y(threshold), scale.y(threshold), format(threshold, unit)));
        }
        int s = 0;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            for (int y = 0; y < years.size(); y++) {
                double x = LEFT + slot * y + slot / 2;
                double value = entry.getValue().get(y);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, scale.y(value)));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %s: %s"
                        + "</title></circle>%n", x, scale.y(value), colour(s), escape(entry.getKey()), years.get(y),
                        format(value, unit)));
            }
            svg.append(String.format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    points.toString().strip(), colour(s)));
            s++;
        }
        yearLabels(svg, years, slot);
        return close(svg, series);
    }

    private record Scale(double minimum, double maximum) {

        static Scale of(Map<String, List<Double>> series, double alsoShow) {
            double minimum = Math.min(0, alsoShow);
            double maximum = Math.max(0, alsoShow);
            for (List<Double> values : series.values()) {
                for (double value : values) {
                    minimum = Math.min(minimum, value);
                    maximum = Math.max(maximum, value);
                }
            }
            if (maximum == minimum) {
                maximum = minimum + 1;
            }
            double padding = (maximum - minimum) * 0.08;
            return new Scale(minimum < 0 ? minimum - padding : minimum, maximum + padding);
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (maximum - value) / (maximum - minimum);
        }
    }

    private static StringBuilder open(String title, int labelRoom) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<figure class=\"chart\"><figcaption>%s</figcaption>%n", escape(title)));
        svg.append(String.format("<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">%n",
                WIDTH, HEIGHT + labelRoom, escape(title)));
        return svg;
    }

    /** Whether some label is wider than its slot, so the labels are turned (long cohort names side by side would overlap). */
    private static boolean turned(List<String> labels, double slot) {
        return labels.stream().anyMatch(label -> label.length() * CHARACTER_WIDTH > slot - 4);
    }

    /** The height turned labels need below the chart's usual bottom margin: none when every label fits its slot. */
    private static int labelRoom(List<String> labels, double slot) {
        if (!turned(labels, slot)) {
            return 0;
        }
        int longest = labels.stream().mapToInt(label -> shortened(label).length()).max().orElse(0);
        return (int) Math.ceil(longest * CHARACTER_WIDTH * Math.sin(Math.toRadians(TURN)));
    }

    private static String shortened(String label) {
        return label.length() <= LONGEST_LABEL ? label : label.substring(0, LONGEST_LABEL - 1).strip() + "\u2026";
    }

    private static void axes(StringBuilder svg, Scale scale, String unit) {
        for (int tick = 0; tick <= 4; tick++) {
            double value = scale.minimum() + (scale.maximum() - scale.minimum()) * tick / 4;
            double y = scale.y(value);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d8dde0\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\" fill=\"#4c6272\">%s</text>%n",
                    LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, escape(format(value, unit))));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#212b32\"/>%n",
                LEFT, WIDTH - RIGHT, scale.y(0), scale.y(0)));
    }

    private static void yearLabels(StringBuilder svg, List<String> years, double slot) {
        if (turned(years, slot)) {
            for (int y = 0; y < years.size(); y++) {
                double x = LEFT + slot * y + slot / 2;
                int top = HEIGHT - BOTTOM + 14;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" fill=\"#212b32\""
                        + " transform=\"rotate(-%d %.1f %d)\"><title>%s</title>%s</text>%n", x, top, TURN, x, top, escape(years.get(y)),
                        escape(shortened(years.get(y)))));
            }
            return;
        }
        for (int y = 0; y < years.size(); y++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\""
                    + " fill=\"#212b32\">%s</text>%n", LEFT + slot * y + slot / 2, HEIGHT - BOTTOM + 18, escape(years.get(y))));
        }
    }

    private static String close(StringBuilder svg, Map<String, List<Double>> series) {
        svg.append("</svg>\n<ul class=\"legend\">");
        int s = 0;
        for (String name : series.keySet()) {
            svg.append(String.format("<li><span style=\"background:%s\"></span>%s</li>", colour(s++), escape(name)));
        }
        return svg.append("</ul></figure>\n").toString();
    }

    private static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    /** A value as an axis label: £1.2m, £35k, £120, or 4.5%. */
    public static String format(double value, String unit) {
        if (unit.equals("%")) {
            return String.format(Locale.UK, "%.1f%%", value);
        }
        double size = Math.abs(value);
        String sign = value < 0 ? "-" : "";
        if (size >= 1_000_000) {
            return String.format(Locale.UK, "%s£%.1fm", sign, size / 1_000_000);
        }
        if (size >= 10_000) {
            return String.format(Locale.UK, "%s£%.0fk", sign, size / 1_000);
        }
        if (size >= 1_000) {
            return String.format(Locale.UK, "%s£%.1fk", sign, size / 1_000);
        }
        return String.format(Locale.UK, "%s£%.0f", sign, size);
    }

    /** Text made safe for HTML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
