package org.almoner.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid request bodies, as a client would send them. */
public final class Samples {

    /** The yearly total of {@link #plan}: 730 x 15.50 + 104 x 24.00 + 52 x 45.00. */
    public static final BigDecimal PLAN_TOTAL = new BigDecimal("16151.00");

    private Samples() {}

    public static Map<String, Object> referral() {
        return Map.of("cohort", "CHC", "source", "CONTINUING_HEALTHCARE_TEAM", "referrerName", "Nurse Jones",
                "reason", "Eligible for continuing healthcare; would like more choice at home");
    }

    public static Map<String, Object> eligible() {
        return Map.of("eligible", true, "basis", "NHS_CONTINUING_HEALTHCARE", "reasons", "Primary health need (decision support tool)");
    }

    public static Map<String, Object> indicativeLine() {
        return Map.of("provider", "DCA01", "service", "CHC home care", "purpose", "Personal care", "costingMethod", "Local price",
                "unitsPerYear", 730, "unit", "hour", "costPerUnit", "21.00", "includedInBudget", true);
    }

    /** A complete plan with three costed lines; the home care line names {@code provider} when given. */
    public static Map<String, Object> plan(String provider) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("aboutMe", Map.of("aboutMe", "I live with my daughter and love gardening.",
                "whatMattersToMe", "Staying at home and seeing my grandchildren.", "communicationNeeds", "Speak clearly."));
        plan.put("contacts", List.of(Map.of("kind", "PROFESSIONAL", "name", "Nurse Jones", "role", "Nurse assessor"),
                Map.of("kind", "PERSONAL", "name", "Dana", "role", "Daughter", "telephone", "01632 960000")));
        plan.put("strengths", List.of("Determined", "Supportive family"));
        plan.put("needs", List.of(Map.of("description", "Help with personal care each morning",
                "goals", List.of(Map.of("description", "Wash and dress by 9am", "hopes", "Choose my own carers", "targetDate", "2027-03-31")))));
        plan.put("actions", List.of(Map.of("description", "Recruit a personal assistant", "who", "Dana", "due", "2027-01-31",
                "status", "IN_PROGRESS")));
        plan.put("outcomes", List.of(Map.of("description", "Remain living at home", "measure", "No unplanned admissions")));
        plan.put("contingencies", List.of(Map.of("kind", "SAFETY", "trigger", "A fall", "response", "Press the pendant alarm",
                "contact", "Careline")));
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line("Personal assistant", null, 730, "15.50", "NHS", "NOTIONAL"));
        lines.add(line("Home care cover", provider, 104, "24.00", "NHS", "NOTIONAL"));
        lines.add(line("Day centre", null, 52, "45.00", "SOCIAL_CARE", "NOTIONAL"));
        plan.put("lines", lines);
        plan.put("agreement", Map.of("agreedBy", "PERSON", "name", "The person", "agreedOn", "2025-05-01"));
        plan.put("plannedReview", "2025-11-01");
        plan.put("criteria", Map.of("personCentralInDevelopingAndAgreeing", true, "proactivePersonalisedConversations", true,
                "outcomesAgreedInPartnership", true, "sharablePlanRecordsWhatMatters", true, "ableToReview", true));
        return plan;
    }

    public static Map<String, Object> line(String support, String provider, int units, String unitCost, String funding, String management) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("support", support);
        if (provider != null) {
            line.put("provider", provider);
        }
        line.put("frequency", "weekly");
        line.put("unitsPerYear", units);
        line.put("unit", "hour");
        line.put("unitCost", new BigDecimal(unitCost));
        line.put("fundingSource", funding);
        line.put("management", management);
        return line;
    }
}
