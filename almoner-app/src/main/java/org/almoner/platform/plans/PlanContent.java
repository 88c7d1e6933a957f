package org.almoner.platform.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.almoner.platform.problems.PlatformException;

/**
 * What a personalised care and support plan says, section by section (PRSB personalised care and
 * support plan standard), with the costed lines a budget is set from and the five criteria of
 * handbook 2.3.4. A draft may be incomplete; {@link #checkReadyToAgree()} says what is missing.
 */
public record PlanContent(
        AboutMe aboutMe,
        List<Contact> contacts,
        List<String> strengths,
        List<Need> needs,
        List<PlanAction> actions,
        List<Outcome> outcomes,
        List<Contingency> contingencies,
        List<PlanLine> lines,
        Agreement agreement,
        LocalDate plannedReview,
        PlanningCriteria criteria) {

    public PlanContent {
        aboutMe = aboutMe == null ? new AboutMe(null, null, null) : aboutMe;
        contacts = copy(contacts, "contacts");
        strengths = copy(strengths, "strengths");
        needs = copy(needs, "needs");
        actions = copy(actions, "actions");
        outcomes = copy(outcomes, "outcomes");
        contingencies = copy(contingencies, "contingencies");
        lines = copy(lines, "lines");
        criteria = criteria == null ? PlanningCriteria.NONE : criteria;
    }

    /** The yearly cost of all the plan's lines. */
    public BigDecimal totalAnnualCost() {
        return lines.stream().map(PlanLine::annualCost).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Refuses, naming the first missing section, unless the plan can be agreed. */
    public void checkReadyToAgree() {
        if (aboutMe.whatMattersToMe() == null || aboutMe.whatMattersToMe().isBlank()) {
            throw incomplete("aboutMe.whatMattersToMe", "Record what matters to the person, in their words.");
        }
        if (outcomes.isEmpty()) {
            throw incomplete("outcomes", "Record at least one outcome the person wants to achieve.");
        }
        if (agreement == null) {
            throw incomplete("agreement", "Record who agreed the plan (the person or their representative), their name and the date.");
        }
        if (plannedReview == null) {
            throw incomplete("plannedReview", "Set the date of the planned review.");
        }
        if (!plannedReview.isAfter(agreement.agreedOn())) {
            throw incomplete("plannedReview", "The planned review must come after the plan is agreed (" + agreement.agreedOn() + ").");
        }
    }

    private static PlatformException incomplete(String field, String message) {
        return new PlatformException(org.almoner.platform.problems.PlatformErrorCode.PLAN_INCOMPLETE, field, message);
    }

    private static <T> List<T> copy(List<T> items, String field) {
        if (items == null) {
            return List.of();
        }
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index) == null) {
                throw PlatformException.invalid(field + "[" + index + "]", "Remove the empty entry.");
            }
        }
        return List.copyOf(items);
    }

    /** About me and what matters to me. */
    public record AboutMe(String aboutMe, String whatMattersToMe, String communicationNeeds) {}

    /** A professional or personal contact. */
    public record Contact(ContactKind kind, String name, String role, String organisation, String telephone) {
        public Contact {
            if (kind == null) {
                throw PlatformException.invalid("kind", "Say whether the contact is PROFESSIONAL or PERSONAL.");
            }
            if (name == null || name.isBlank()) {
                throw PlatformException.invalid("name", "Give the contact's name.");
            }
        }
    }

    public enum ContactKind { PROFESSIONAL, PERSONAL }

    /** A need, with the goals and hopes the person has for it. */
    public record Need(String description, List<PlanGoal> goals) {
        public Need {
            if (description == null || description.isBlank()) {
                throw PlatformException.invalid("description", "Describe the need.");
            }
            goals = goals == null ? List.of() : List.copyOf(goals);
        }
    }

    public record PlanGoal(String description, String hopes, LocalDate targetDate) {
        public PlanGoal {
            if (description == null || description.isBlank()) {
                throw PlatformException.invalid("description", "Describe the goal.");
            }
        }
    }

    /** Something to be done: what, by whom, by when, and how far it has got. */
    public record PlanAction(String description, String who, LocalDate due, ActionStatus status) {
        public PlanAction {
            if (description == null || description.isBlank()) {
                throw PlatformException.invalid("description", "Describe the action.");
            }
            if (who == null || who.isBlank()) {
                throw PlatformException.invalid("who", "Say who will do it.");
            }
            status = status == null ? ActionStatus.NOT_STARTED : status;
        }
    }

    public enum ActionStatus { NOT_STARTED, IN_PROGRESS, DONE, CANCELLED }

    /** An outcome the person wants, and how they will know it is achieved. */
    public record Outcome(String description, String measure) {
        public Outcome {
            if (description == null || description.isBlank()) {
                throw PlatformException.invalid("description", "Describe the outcome.");
            }
        }
    }

    /** A contingency or safety plan: what could happen, what to do, and whom to contact. */
    public record Contingency(ContingencyKind kind, String trigger, String response, String contact) {
        public Contingency {
            if (kind == null) {
                throw PlatformException.invalid("kind", "Say whether this is a CONTINGENCY or a SAFETY plan.");
            }
            if (trigger == null || trigger.isBlank()) {
                throw PlatformException.invalid("trigger", "Say what would set this plan off.");
            }
            if (response == null || response.isBlank()) {
                throw PlatformException.invalid("response", "Say what should happen then.");
            }
        }
    }

    public enum ContingencyKind { CONTINGENCY, SAFETY }

    /** Who agreed the plan, and when. */
    public record Agreement(AgreedBy agreedBy, String name, LocalDate agreedOn) {
        public Agreement {
            if (agreedBy == null) {
                throw PlatformException.invalid("agreedBy", "Say whether the PERSON or their REPRESENTATIVE agreed the plan.");
            }
            if (name == null || name.isBlank()) {
                throw PlatformException.invalid("name", "Give the name of the person who agreed the plan.");
            }
            if (agreedOn == null) {
                throw PlatformException.invalid("agreedOn", "Give the date the plan was agreed.");
            }
        }
    }

    public enum AgreedBy { PERSON, REPRESENTATIVE }
}
