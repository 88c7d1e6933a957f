package org.almoner.platform.plans;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

/**
 * A care and support plan as a FHIR R4 Bundle of one CarePlan and its Goals, and back again.
 *
 * <p>FHIR has a place for the plan's description, goals, outcomes, actions and their performers
 * and dates; the PRSB sections and costed lines it has no element for travel in extensions under
 * {@value #EXTENSION}, so importing an exported plan gives back exactly the plan that was
 * exported.
 */
@Component
public class FhirCarePlans {

    static final String EXTENSION = "https://almoner.org/fhir/StructureDefinition/";
    static final String CODES = "https://almoner.org/fhir/CodeSystem/";
    private static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    private final FhirContext fhir = FhirContext.forR4Cached();

    /** The plan's content as a FHIR JSON Bundle about the person with the given NHS number (if known). */
    public String export(UUID planId, int version, PlanContent content, Optional<String> nhsNumber, String personName) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        CarePlan plan = new CarePlan();
        plan.setId(planId.toString());
        plan.addIdentifier(new Identifier().setSystem(CODES + "plan").setValue(planId + "/" + version));
        plan.setStatus(version > 0 ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.DRAFT);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Personalised care and support plan");
        Reference subject = new Reference().setDisplay(personName);
        nhsNumber.ifPresent(number -> subject.setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(number)));
        plan.setSubject(subject);
        text(content.aboutMe().aboutMe()).ifPresent(plan::setDescription);
        addString(plan, "what-matters-to-me", content.aboutMe().whatMattersToMe());
        addString(plan, "communication-needs", content.aboutMe().communicationNeeds());
        for (PlanContent.Contact contact : content.contacts()) {
            Extension extension = plan.addExtension().setUrl(EXTENSION + "contact");
            part(extension, "kind", new CodeType(contact.kind().name()));
            partText(extension, "name", contact.name());
            partText(extension, "role", contact.role());
            partText(extension, "organisation", contact.organisation());
            partText(extension, "telephone", contact.telephone());
        }
        content.strengths().forEach(strength -> addString(plan, "strength", strength));
        int goalNumber = 0;
        for (PlanContent.Need need : content.needs()) {
            Extension extension = plan.addExtension().setUrl(EXTENSION + "need");
            partText(extension, "description", need.description());
            for (PlanContent.PlanGoal planGoal : need.goals()) {
                Goal goal = goal("goal", planGoal.description());
                text(planGoal.hopes()).ifPresent(hopes -> goal.addNote().setText(hopes));
                if (planGoal.targetDate() != null) {
                    goal.addTarget().setDue(new DateType(planGoal.targetDate().toString()));
                }
                String reference = "urn:uuid:" + UUID.nameUUIDFromBytes((planId + "/goal/" + goalNumber++).getBytes());
                bundle.addEntry().setFullUrl(reference).setResource(goal);
                part(extension, "goal", new Reference(reference));
            }
        }
        for (PlanContent.Outcome outcome : content.outcomes()) {
            Goal goal = goal("outcome", outcome.description());
            text(outcome.measure()).ifPresent(measure -> goal.addTarget().setMeasure(new CodeableConcept().setText(measure)));
            String reference = "urn:uuid:" + UUID.nameUUIDFromBytes((planId + "/goal/" + goalNumber++).getBytes());
            bundle.addEntry().setFullUrl(reference).setResource(goal);
            plan.addGoal(new Reference(reference));
        }
        for (PlanContent.PlanAction action : content.actions()) {
            CarePlan.CarePlanActivityComponent activity = plan.addActivity();
            activity.addExtension(EXTENSION + "activity-kind", new CodeType("action"));
            CarePlan.CarePlanActivityDetailComponent detail = activity.getDetail();
            detail.setDescription(action.description());
            detail.addPerformer().setDisplay(action.who());
            detail.setStatus(switch (action.status()) {
                case NOT_STARTED -> CarePlan.CarePlanActivityStatus.NOTSTARTED;
                case IN_PROGRESS -> CarePlan.CarePlanActivityStatus.INPROGRESS;
                case DONE -> CarePlan.CarePlanActivityStatus.COMPLETED;
                case CANCELLED -> CarePlan.CarePlanActivityStatus.CANCELLED;
            });
            if (action.due() != null) {
                detail.setScheduled(new Period().setEndElement(new DateTimeType(action.due().toString())));
            }
        }
        for (PlanLine line : content.lines()) {
            CarePlan.CarePlanActivityComponent activity = plan.addActivity();
            activity.addExtension(EXTENSION + "activity-kind", new CodeType("line"));
            CarePlan.CarePlanActivityDetailComponent detail = activity.getDetail();
            detail.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
            detail.setDescription(line.support());
            if (line.provider() != null) {
                detail.addPerformer().setDisplay(line.provider());
            }
            detail.setScheduled(new StringType(line.frequency()));
            detail.setQuantity(new Quantity().setValue(line.unitsPerYear()).setUnit(line.unit()));
            detail.addExtension(EXTENSION + "unit-cost", money(line.unitCost()));
            detail.addExtension(EXTENSION + "annual-cost", money(line.annualCost()));
            detail.addExtension(EXTENSION + "funding-source", new CodeType(line.fundingSource().name()));
            detail.addExtension(EXTENSION + "management", new CodeType(line.management().name()));
        }
        for (PlanContent.Contingency contingency : content.contingencies()) {
            Extension extension = plan.addExtension().setUrl(EXTENSION + "contingency");
            part(extension, "kind", new CodeType(contingency.kind().name()));
            partText(extension, "trigger", contingency.trigger());
            partText(extension, "response", contingency.response());
            partText(extension, "contact", contingency.contact());
        }
        if (content.agreement() != null) {
            Extension extension = plan.addExtension().setUrl(EXTENSION + "agreement");
            part(extension, "agreed-by", new CodeType(content.agreement().agreedBy().name()));
            partText(extension, "name", content.agreement().name());
            part(extension, "agreed-on", new DateType(content.agreement().agreedOn().toString()));
            plan.setPeriod(new Period().setStartElement(new DateTimeType(content.agreement().agreedOn().toString())));
        }
        if (content.plannedReview() != null) {
            plan.addExtension(EXTENSION + "planned-review", new DateType(content.plannedReview().toString()));
        }
        Extension criteria = plan.addExtension().setUrl(EXTENSION + "planning-criteria");
        PlanningCriteria met = content.criteria();
        part(criteria, "person-central", new BooleanType(met.personCentralInDevelopingAndAgreeing()));
        part(criteria, "personalised-conversations", new BooleanType(met.proactivePersonalisedConversations()));
        part(criteria, "outcomes-agreed", new BooleanType(met.outcomesAgreedInPartnership()));
        part(criteria, "sharable-plan", new BooleanType(met.sharablePlanRecordsWhatMatters()));
        part(criteria, "able-to-review", new BooleanType(met.ableToReview()));
        bundle.getEntry().addFirst(new Bundle.BundleEntryComponent().setFullUrl("urn:uuid:" + planId).setResource(plan));
        return parser().encodeResourceToString(bundle);
    }

    /** Reads a Bundle holding one CarePlan (and its Goals) back into plan content. */
    public PlanContent read(String bundleJson) {
        Bundle bundle;
        try {
            bundle = parser().parseResource(Bundle.class, bundleJson);
        } catch (DataFormatException | ClassCastException failure) {
            throw invalid("Bundle", "This is not a FHIR R4 Bundle in JSON: " + failure.getMessage());
        }
        Map<String, Goal> goals = new HashMap<>();
        List<CarePlan> carePlans = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof Goal goal) {
                goals.put(entry.getFullUrl(), goal);
            } else if (resource instanceof CarePlan carePlan) {
                carePlans.add(carePlan);
            }
        }
        if (carePlans.size() != 1) {
            throw invalid("Bundle.entry", "The Bundle must hold exactly one CarePlan; it holds " + carePlans.size() + ".");
        }
        CarePlan plan = carePlans.getFirst();
        PlanContent.AboutMe aboutMe = new PlanContent.AboutMe(plan.hasDescription() ? plan.getDescription() : null,
                string(plan, "what-matters-to-me"), string(plan, "communication-needs"));
        List<PlanContent.Contact> contacts = new ArrayList<>();
        List<String> strengths = new ArrayList<>();
        List<PlanContent.Need> needs = new ArrayList<>();
        List<PlanContent.Contingency> contingencies = new ArrayList<>();
        PlanContent.Agreement agreement = null;
        LocalDate plannedReview = null;
        PlanningCriteria criteria = null;
        int index = 0;
        for (Extension extension : plan.getExtension()) {
            String where = "CarePlan.extension[" + index++ + "]";
            switch (extension.getUrl().replace(EXTENSION, "")) {
                case "contact" -> contacts.add(new PlanContent.Contact(
                        enumOf(PlanContent.ContactKind.class, partCode(extension, "kind"), where + ".kind"),
                        partString(extension, "name"), partString(extension, "role"), partString(extension, "organisation"),
                        partString(extension, "telephone")));
                case "strength" -> strengths.add(extension.getValue().primitiveValue());
                case "need" -> {
                    List<PlanContent.PlanGoal> needGoals = new ArrayList<>();
                    for (Extension part : extension.getExtensionsByUrl("goal")) {
                        Goal goal = goal(goals, (Reference) part.getValue(), where + ".goal");
                        needGoals.add(new PlanContent.PlanGoal(goal.getDescription().getText(),
                                goal.hasNote() ? goal.getNoteFirstRep().getText() : null,
                                goal.hasTarget() && goal.getTargetFirstRep().hasDueDateType()
                                        ? localDate(goal.getTargetFirstRep().getDueDateType().getValueAsString()) : null));
                    }
                    needs.add(new PlanContent.Need(partString(extension, "description"), needGoals));
                }
                case "contingency" -> contingencies.add(new PlanContent.Contingency(
                        enumOf(PlanContent.ContingencyKind.class, partCode(extension, "kind"), where + ".kind"),
                        partString(extension, "trigger"), partString(extension, "response"), partString(extension, "contact")));
                case "agreement" -> agreement = new PlanContent.Agreement(
                        enumOf(PlanContent.AgreedBy.class, partCode(extension, "agreed-by"), where + ".agreed-by"),
                        partString(extension, "name"),
                        localDate(extension.getExtensionByUrl("agreed-on").getValue().primitiveValue()));
                case "planned-review" -> plannedReview = localDate(extension.getValue().primitiveValue());
                case "planning-criteria" -> criteria = new PlanningCriteria(flag(extension, "person-central"),
                        flag(extension, "personalised-conversations"), flag(extension, "outcomes-agreed"),
                        flag(extension, "sharable-plan"), flag(extension, "able-to-review"));
                default -> { } // Extensions of others are not ours to read; the plan stands without them.
            }
        }
        List<PlanContent.Outcome> outcomes = new ArrayList<>();
        for (int goalIndex = 0; goalIndex < plan.getGoal().size(); goalIndex++) {
            Goal goal = goal(goals, plan.getGoal().get(goalIndex), "CarePlan.goal[" + goalIndex + "]");
            outcomes.add(new PlanContent.Outcome(goal.getDescription().getText(),
                    goal.hasTarget() && goal.getTargetFirstRep().hasMeasure() ? goal.getTargetFirstRep().getMeasure().getText() : null));
        }
        List<PlanContent.PlanAction> actions = new ArrayList<>();
        List<PlanLine> lines = new ArrayList<>();
        for (int activityIndex = 0; activityIndex < plan.getActivity().size(); activityIndex++) {
            CarePlan.CarePlanActivityComponent activity = plan.getActivity().get(activityIndex);
            String where = "CarePlan.activity[" + activityIndex + "]";
            CarePlan.CarePlanActivityDetailComponent detail = activity.getDetail();
            Extension kind = activity.getExtensionByUrl(EXTENSION + "activity-kind");
            if (kind != null && "line".equals(kind.getValue().primitiveValue())) {
                lines.add(line(detail, where));
            } else {
                actions.add(new PlanContent.PlanAction(detail.getDescription(),
                        detail.hasPerformer() ? detail.getPerformerFirstRep().getDisplay() : null,
                        detail.hasScheduledPeriod() && detail.getScheduledPeriod().hasEnd() ? localDate(detail.getScheduledPeriod().getEndElement().getValueAsString()) : null,
                        switch (detail.hasStatus() ? detail.getStatus() : CarePlan.CarePlanActivityStatus.NOTSTARTED) {
                            case INPROGRESS -> PlanContent.ActionStatus.IN_PROGRESS;
                            case COMPLETED -> PlanContent.ActionStatus.DONE;
                            case CANCELLED, STOPPED, ENTEREDINERROR -> PlanContent.ActionStatus.CANCELLED;
                            default -> PlanContent.ActionStatus.NOT_STARTED;
                        }));
            }
        }
        return new PlanContent(aboutMe, contacts, strengths, needs, actions, outcomes, contingencies, lines, agreement,
                plannedReview, criteria);
    }

    private PlanLine line(CarePlan.CarePlanActivityDetailComponent detail, String where) {
        if (!detail.hasQuantity() || !detail.getQuantity().hasValue()) {
            throw invalid(where + ".detail.quantity", "A costed line needs its units per year in detail.quantity.");
        }
        return new PlanLine(detail.getDescription(),
                detail.hasPerformer() ? detail.getPerformerFirstRep().getDisplay() : null,
                detail.hasScheduledStringType() ? detail.getScheduledStringType().getValue() : null,
                detail.getQuantity().getValue(), detail.getQuantity().getUnit(),
                amount(detail, "unit-cost", where), amount(detail, "annual-cost", where),
                enumOf(PlanLine.FundingSource.class, code(detail.getExtensionByUrl(EXTENSION + "funding-source")), where + ".funding-source"),
                enumOf(PlanLine.Management.class, code(detail.getExtensionByUrl(EXTENSION + "management")), where + ".management"));
    }

    private static Goal goal(String category, String description) {
        Goal goal = new Goal();
        goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
        goal.addCategory().addCoding().setSystem(CODES + "goal-category").setCode(category);
        goal.setDescription(new CodeableConcept().setText(description));
        return goal;
    }

    private static Goal goal(Map<String, Goal> goals, Reference reference, String where) {
        Goal goal = goals.get(reference.getReference());
        if (goal == null) {
            throw invalid(where, "The Goal '" + reference.getReference() + "' is not in the Bundle.");
        }
        return goal;
    }

    private static BigDecimal amount(CarePlan.CarePlanActivityDetailComponent detail, String name, String where) {
        Extension extension = detail.getExtensionByUrl(EXTENSION + name);
        if (extension == null || !(extension.getValue() instanceof Money money) || !money.hasValue()) {
            throw invalid(where + ".detail.extension(" + name + ")", "A costed line needs its " + name + " as Money.");
        }
        if (money.hasCurrency() && !"GBP".equals(money.getCurrency())) {
            throw invalid(where + ".detail.extension(" + name + ")", "Amounts must be in pounds (GBP), not " + money.getCurrency() + ".");
        }
        return money.getValue();
    }

    private static Money money(BigDecimal amount) {
        return new Money().setValue(amount).setCurrency("GBP");
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String code, String where) {
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw invalid(where, "'" + code + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static String code(Extension extension) {
        return extension == null || extension.getValue() == null ? null : extension.getValue().primitiveValue();
    }

    private static void addString(CarePlan plan, String name, String value) {
        text(value).ifPresent(text -> plan.addExtension(EXTENSION + name, new StringType(text)));
    }

    private static String string(CarePlan plan, String name) {
        Extension extension = plan.getExtensionByUrl(EXTENSION + name);
        return extension == null ? null : extension.getValue().primitiveValue();
    }

    private static void part(Extension extension, String name, Type value) {
        extension.addExtension(name, value);
    }

    private static void partText(Extension extension, String name, String value) {
        text(value).ifPresent(text -> extension.addExtension(name, new StringType(text)));
    }

    private static String partString(Extension extension, String name) {
        Extension part = extension.getExtensionByUrl(name);
        return part == null ? null : part.getValue().primitiveValue();
    }

    private static String partCode(Extension extension, String name) {
        return partString(extension, name);
    }

    private static boolean flag(Extension extension, String name) {
        Extension part = extension.getExtensionByUrl(name);
        return part != null && part.getValue() instanceof BooleanType value && value.booleanValue();
    }

    private static Optional<String> text(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static LocalDate localDate(String text) {
        // FHIR dates may carry a time; the plan's dates are days.
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException | NullPointerException bad) {
            throw invalid("date", "'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }

    private IParser parser() {
        return fhir.newJsonParser().setPrettyPrint(true);
    }

    private static PlatformException invalid(String where, String message) {
        return new PlatformException(PlatformErrorCode.FHIR_INVALID, where, message + " (at " + where + ")");
    }
}
