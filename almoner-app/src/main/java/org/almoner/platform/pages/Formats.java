package org.almoner.platform.pages;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.almoner.platform.access.Role;

/** How pages write money, dates, codes and roles for people to read ({@code ${format.money(x)}} in templates). */
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    /** Pounds and pence with thousands separated: £16,151.00. Blank for no amount. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat pounds = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return pounds.format(amount);
    }

    /** A number without needless decimals: 730, 12.5. */
    public String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A date as people write it: 1 May 2025. */
    public String date(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** A moment as people write it, in UK time: 7 December 2026 at 14:05. */
    public String moment(java.time.Instant instant) {
        return instant == null ? "" : instant.atZone(java.time.ZoneId.of("Europe/London")).format(MOMENT);
    }

    /** The day of a moment, in UK time: 7 December 2026. */
    public String day(java.time.Instant instant) {
        return instant == null ? "" : instant.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate().format(DAY);
    }

    /** A code such as DIRECT_PAYMENT as words: "Direct payment". */
    public String words(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').toLowerCase(Locale.UK);
        text = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        // Initialisms stay in capitals.
        return text.replaceAll("(?i)\\bnhs\\b", "NHS").replaceAll("(?i)\\bchc\\b", "CHC");
    }

    /** The id of the input for a field path, as error summaries link to it: {@code lines[0].unitCost} is {@code lines-0-unitCost}. */
    public String id(String field) {
        return FormErrors.inputId(field);
    }

    /** What a role is called by the people who hold it. */
    public String role(Role role) {
        return switch (role) {
            case COMMISSIONER -> "Commissioning and finance";
            case COORDINATOR -> "Personal health budget coordinator";
            case CLINICIAN -> "Clinician";
            case APPROVER -> "Budget approver";
            case LINK_WORKER -> "Link worker";
            case PROVIDER -> "Provider";
            case BUDGET_HOLDER -> "Budget holder";
            case AUDITOR -> "Auditor";
            case ADMINISTRATOR -> "Administrator";
        };
    }
}
