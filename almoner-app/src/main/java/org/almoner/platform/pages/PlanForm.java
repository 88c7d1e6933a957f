package org.almoner.platform.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.almoner.platform.plans.PlanContent;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.PlanningCriteria;
import org.almoner.platform.problems.PlatformException;

/**
 * The care and support plan editor's form, both ways: a plan's content as the values of the form's
 * inputs, and the posted inputs as plan content. Inputs are named by the plan's own field paths
 * ({@code lines[2].unitCost}), so a refusal names the input at fault. Rows left wholly blank are
 * dropped; sections the editor does not show (contacts, actions, goals) are kept as they were.
 */
final class PlanForm {

    static final List<String> LINE_FIELDS = List.of("support", "provider", "frequency", "unitsPerYear", "unit", "unitCost",
            "fundingSource", "management");
    static final List<String> CRITERIA = List.of("personCentralInDevelopingAndAgreeing", "proactivePersonalisedConversations",
            "outcomesAgreedInPartnership", "sharablePlanRecordsWhatMatters", "ableToReview");

    private PlanForm() {}

    /** The input values showing a plan. */
    static Map<String, String> values(PlanContent plan) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("aboutMe.aboutMe", text(plan.aboutMe().aboutMe()));
        form.put("aboutMe.whatMattersToMe", text(plan.aboutMe().whatMattersToMe()));
        form.put("aboutMe.communicationNeeds", text(plan.aboutMe().communicationNeeds()));
        form.put("strengths", String.join("\n", plan.strengths()));
        form.put("needs", String.join("\n", plan.needs().stream().map(PlanContent.Need::description).toList()));
        for (int index = 0; index < plan.outcomes().size(); index++) {
            form.put("outcomes[" + index + "].description", plan.outcomes().get(index).description());
            form.put("outcomes[" + index + "].measure", text(plan.outcomes().get(index).measure()));
        }
        for (int index = 0; index < plan.contingencies().size(); index++) {
            PlanContent.Contingency contingency = plan.contingencies().get(index);
            form.put("contingencies[" + index + "].kind", contingency.kind().name());
            form.put("contingencies[" + index + "].trigger", contingency.trigger());
            form.put("contingencies[" + index + "].response", contingency.response());
            form.put("contingencies[" + index + "].contact", text(contingency.contact()));
        }
        for (int index = 0; index < plan.lines().size(); index++) {
            PlanLine line = plan.lines().get(index);
            String prefix = "lines[" + index + "].";
            form.put(prefix + "support", line.support());
            form.put(prefix + "provider", text(line.provider()));
            form.put(prefix + "frequency", line.frequency());
            form.put(prefix + "unitsPerYear", line.unitsPerYear().stripTrailingZeros().toPlainString());
            form.put(prefix + "unit", line.unit());
            form.put(prefix + "unitCost", line.unitCost().toPlainString());
            form.put(prefix + "fundingSource", line.fundingSource().name());
            form.put(prefix + "management", line.management().name());
        }
        if (plan.agreement() != null) {
            form.put("agreement.agreedBy", plan.agreement().agreedBy().name());
            form.put("agreement.name", plan.agreement().name());
            putDate(form, "agreement.agreedOn", plan.agreement().agreedOn());
        }
        putDate(form, "plannedReview", plan.plannedReview());
        PlanningCriteria criteria = plan.criteria();
        boolean[] met = {criteria.personCentralInDevelopingAndAgreeing(), criteria.proactivePersonalisedConversations(),
                criteria.outcomesAgreedInPartnership(), criteria.sharablePlanRecordsWhatMatters(), criteria.ableToReview()};
        for (int index = 0; index < CRITERIA.size(); index++) {
            if (met[index]) {
                form.put("criteria." + CRITERIA.get(index), "true");
            }
        }
        return form;
    }

    /** The plan the posted inputs describe; {@code previous} gives what the editor does not show. */
    static PlanContent read(Map<String, String> form, PlanContent previous) {
        PlanContent.AboutMe aboutMe = new PlanContent.AboutMe(blankToNull(form.get("aboutMe.aboutMe")),
                blankToNull(form.get("aboutMe.whatMattersToMe")), blankToNull(form.get("aboutMe.communicationNeeds")));
        List<String> strengths = lines(form.get("strengths"));
        List<PlanContent.Need> needs = lines(form.get("needs")).stream()
                .map(description -> previous.needs().stream().filter(need -> need.description().equals(description)).findFirst()
                        .orElse(new PlanContent.Need(description, List.of())))
                .toList();
        List<PlanContent.Outcome> outcomes = rows(form, "outcomes", List.of("description", "measure"),
                row -> new PlanContent.Outcome(row.get("description"), blankToNull(row.get("measure"))));
        List<PlanContent.Contingency> contingencies = rows(form, "contingencies", List.of("kind", "trigger", "response", "contact"),
                row -> new PlanContent.Contingency(ReferralPages.choice(PlanContent.ContingencyKind.class, row.get("kind"), "kind",
                        "Say whether this is a contingency plan or a safety plan."), row.get("trigger"), row.get("response"),
                        blankToNull(row.get("contact"))));
        List<PlanLine> lines = rows(form, "lines", LINE_FIELDS, row -> new PlanLine(row.get("support"), row.get("provider"),
                row.get("frequency"), amount(row.get("unitsPerYear"), "unitsPerYear", "Give the units a year as a number, for example 104."),
                row.get("unit"), amount(row.get("unitCost"), "unitCost", "Give the cost of one unit in pounds and pence, for example 24.50."),
                null,
                ReferralPages.choice(PlanLine.FundingSource.class, row.get("fundingSource"), "fundingSource", "Choose who funds this line."),
                ReferralPages.choice(PlanLine.Management.class, row.get("management"), "management", "Choose how this line is managed.")));
        PlanContent.Agreement agreement = null;
        LocalDate agreedOn = prefixed("agreement.", () -> PeoplePages.date(form, "agreement.agreedOn"));
        if (!blank(form.get("agreement.agreedBy")) || !blank(form.get("agreement.name")) || agreedOn != null) {
            agreement = prefixed("agreement.", () -> new PlanContent.Agreement(
                    ReferralPages.choice(PlanContent.AgreedBy.class, form.get("agreement.agreedBy"), "agreedBy",
                            "Say whether the person or their representative agreed the plan."),
                    form.get("agreement.name"), agreedOn));
        }
        boolean[] met = new boolean[CRITERIA.size()];
        for (int index = 0; index < CRITERIA.size(); index++) {
            met[index] = "true".equals(form.get("criteria." + CRITERIA.get(index)));
        }
        PlanningCriteria criteria = new PlanningCriteria(met[0], met[1], met[2], met[3], met[4]);
        return new PlanContent(aboutMe, previous.contacts(), strengths, needs, previous.actions(), outcomes, contingencies, lines,
                agreement, PeoplePages.date(form, "plannedReview"), criteria);
    }

    /** How many rows of a repeated section the posted or shown values hold. */
    static int rowCount(Map<String, String> form, String section) {
        int count = 0;
        for (String key : form.keySet()) {
            if (key.startsWith(section + "[")) {
                int end = key.indexOf(']');
                count = Math.max(count, Integer.parseInt(key.substring(section.length() + 1, end)) + 1);
            }
        }
        return count;
    }

    private static <T> List<T> rows(Map<String, String> form, String section, List<String> fields, Function<Map<String, String>, T> make) {
        List<T> made = new ArrayList<>();
        for (int index = 0; index < rowCount(form, section); index++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : fields) {
                row.put(field, form.getOrDefault(section + "[" + index + "]." + field, "").strip());
            }
            if (row.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            made.add(prefixed(section + "[" + index + "].", () -> make.apply(row)));
        }
        return made;
    }

    /** Runs {@code make}, putting the section's path in front of the field a refusal names. */
    private static <T> T prefixed(String prefix, Supplier<T> make) {
        try {
            return make.get();
        } catch (PlatformException refusal) {
            String field = refusal.field().orElse("");
            throw new PlatformException(refusal.code(), field.startsWith(prefix) ? field : prefix + field, refusal.getMessage());
        }
    }

    private static BigDecimal amount(String text, String field, String message) {
        try {
            return new BigDecimal(text.replace(",", "").replace("£", "").strip());
        } catch (NumberFormatException notANumber) {
            throw PlatformException.invalid(field, message);
        }
    }

    private static void putDate(Map<String, String> form, String name, LocalDate date) {
        if (date != null) {
            form.put(name + "-day", Integer.toString(date.getDayOfMonth()));
            form.put(name + "-month", Integer.toString(date.getMonthValue()));
            form.put(name + "-year", Integer.toString(date.getYear()));
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
