package org.almoner.platform.plans.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.plans.FhirCarePlans;
import org.almoner.platform.plans.Plan;
import org.almoner.platform.plans.PlanContent;
import org.almoner.platform.plans.PlanVersion;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlansController {

    private static final String FHIR_JSON = "application/fhir+json";

    private final Plans plans;
    private final FhirCarePlans fhir;
    private final PersonAccess access;
    private final Actors actors;

    PlansController(Plans plans, FhirCarePlans fhir, PersonAccess access, Actors actors) {
        this.plans = plans;
        this.fhir = fhir;
        this.access = access;
        this.actors = actors;
    }

    @PostMapping("/api/people/{personId}/plans")
    ResponseEntity<Plan> start(@PathVariable UUID personId, @RequestBody PlanContent draft) {
        access.require(personId, PersonOperation.EDIT_PLAN, "PLAN", null);
        Plan plan = plans.start(personId, draft, actors.current());
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/api/people/{personId}/plans")
    List<Plan> forPerson(@PathVariable UUID personId) {
        access.require(personId, PersonOperation.VIEW_PLAN, "PLAN", null);
        return plans.forPerson(personId);
    }

    @GetMapping("/api/plans/{planId}")
    Plan one(@PathVariable UUID planId) {
        Plan plan = existing(planId);
        access.require(plan.personId(), PersonOperation.VIEW_PLAN, "PLAN", planId);
        return plan;
    }

    @PutMapping("/api/plans/{planId}/draft")
    Plan revise(@PathVariable UUID planId, @RequestBody PlanContent draft) {
        Plan plan = existing(planId);
        access.require(plan.personId(), PersonOperation.EDIT_PLAN, "PLAN", planId);
        return plans.reviseDraft(plan, draft);
    }

    /** Agrees the current draft as the next version. */
    @PostMapping("/api/plans/{planId}/agree")
    ResponseEntity<PlanVersion> agree(@PathVariable UUID planId) {
        Plan plan = existing(planId);
        access.require(plan.personId(), PersonOperation.EDIT_PLAN, "PLAN", planId);
        PlanVersion version = plans.agree(plan, actors.current());
        return ResponseEntity.created(URI.create("/api/plans/" + planId + "/versions/" + version.version())).body(version);
    }

    @GetMapping("/api/plans/{planId}/versions")
    List<PlanVersion> versions(@PathVariable UUID planId) {
        Plan plan = existing(planId);
        access.require(plan.personId(), PersonOperation.VIEW_PLAN, "PLAN", planId);
        return plans.versions(planId);
    }

    @GetMapping("/api/plans/{planId}/versions/{version}")
    PlanVersion version(@PathVariable UUID planId, @PathVariable int version) {
        Plan plan = existing(planId);
        access.require(plan.personId(), PersonOperation.VIEW_PLAN, "PLAN", planId + "/" + version);
        return existingVersion(planId, version);
    }

    /** An agreed version as a FHIR R4 Bundle of CarePlan and Goals. */
    @GetMapping(value = "/api/plans/{planId}/versions/{version}/fhir", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> exportVersion(@PathVariable UUID planId, @PathVariable int version) {
        Plan plan = existing(planId);
        Person person = access.require(plan.personId(), PersonOperation.VIEW_PLAN, "PLAN_FHIR", planId + "/" + version);
        PlanVersion agreed = existingVersion(planId, version);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON))
                .body(fhir.export(planId, version, agreed.content(), person.nhsNumber(), person.name()));
    }

    /** Starts a draft plan for the person from a FHIR R4 Bundle holding one CarePlan and its Goals. */
    @PostMapping(value = "/api/people/{personId}/plans/fhir", consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Plan> importPlan(@PathVariable UUID personId, @RequestBody String bundle) {
        access.require(personId, PersonOperation.EDIT_PLAN, "PLAN_FHIR", null);
        Plan plan = plans.start(personId, fhir.read(bundle), actors.current());
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).body(plan);
    }

    private Plan existing(UUID planId) {
        return plans.find(planId).orElseThrow(() -> new PlatformException(PlatformErrorCode.PLAN_NOT_FOUND, "planId",
                "There is no care and support plan with id " + planId + ". Check the address."));
    }

    private PlanVersion existingVersion(UUID planId, int version) {
        return plans.version(planId, version).orElseThrow(() -> new PlatformException(PlatformErrorCode.PLAN_VERSION_NOT_FOUND,
                "version", "Plan " + planId + " has no agreed version " + version + "."));
    }
}
