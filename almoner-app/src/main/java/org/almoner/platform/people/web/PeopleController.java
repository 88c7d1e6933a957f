package org.almoner.platform.people.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Account;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.CareTeam;
import org.almoner.platform.people.CareTeamMember;
import org.almoner.platform.people.People;
import org.almoner.platform.people.NewPerson;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.people.PersonRelationships;
import org.almoner.platform.people.Representation;
import org.almoner.platform.people.Representative;
import org.almoner.platform.problems.PlatformException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People: list, record, read, representatives and care team, and their endings. */
@RestController
@RequestMapping("/api/people")
class PeopleController {

    private final People people;
    private final PersonAccess access;
    private final Accounts accounts;
    private final Actors actors;
    private final PersonRelationships relationships;

    PeopleController(People people, PersonAccess access, Accounts accounts, Actors actors, PersonRelationships relationships) {
        this.people = people;
        this.access = access;
        this.accounts = accounts;
        this.actors = actors;
        this.relationships = relationships;
    }

    record PersonSummary(UUID id, String nhsNumber, String name, LocalDate dateOfBirth, String responsibleOrganisation) {
        static PersonSummary of(Person person) {
            return new PersonSummary(person.id(), person.nhsNumber().orElse(null), person.name(), person.dateOfBirth(),
                    person.responsibleOrganisation());
        }
    }

    /**
     * A person with who acts for them and who works with them now (usernames), and those who
     * stopped, with when and why.
     */
    record PersonDetails(Person person, List<Representative> representatives, List<String> careTeam,
            List<Representative> pastRepresentatives, List<CareTeamMember> pastCareTeam) {}

    /** Why a relationship ends; it ends when the request arrives. */
    record EndingRequest(String reason) {}

    record RepresentativeRequest(Representative.Kind kind, String name, String relationship, String contact, String username) {}

    record CareTeamRequest(String username) {}

    /** The people the caller may see without giving a reason. */
    @GetMapping
    List<PersonSummary> list(@RequestParam(defaultValue = "50") int limit) {
        Actor actor = access.requireRole(PersonOperation.VIEW_PERSON, "PERSON_LIST");
        List<Person> visible = people.visibleTo(actor, Math.clamp(limit, 1, 500));
        access.recordAllowed(PersonOperation.VIEW_PERSON, "PERSON_LIST",
                visible.stream().map(person -> new PersonAccess.Reached(person.id(), person.id())).toList());
        return visible.stream().map(PersonSummary::of).toList();
    }

    @PostMapping
    ResponseEntity<Person> record(@RequestBody NewPerson details) {
        Actor actor = access.requireRole(PersonOperation.EDIT_PERSON, "PERSON");
        Person person = people.record(details, actor);
        access.recordAllowed(person.id(), PersonOperation.EDIT_PERSON, "PERSON", person.id());
        return ResponseEntity.created(URI.create("/api/people/" + person.id())).body(person);
    }

    @GetMapping("/{personId}")
    PersonDetails read(@PathVariable UUID personId) {
        Person person = access.require(personId, PersonOperation.VIEW_PERSON, "PERSON", personId);
        Representation representation = relationships.representation(personId);
        CareTeam careTeam = relationships.careTeam(personId);
        return new PersonDetails(person, representation.current(), careTeam.current().stream().map(CareTeamMember::username).toList(),
                representation.past(), careTeam.past());
    }

    @PostMapping("/{personId}/representatives")
    ResponseEntity<Representative> addRepresentative(@PathVariable UUID personId, @RequestBody RepresentativeRequest request) {
        if (request.kind() == null) {
            throw PlatformException.invalid("kind", "Say whether this is a REPRESENTATIVE or a NOMINEE.");
        }
        requireText(request.name(), "name", "Give the representative's name.");
        requireText(request.relationship(), "relationship", "Give their relationship to the person, for example 'mother' or 'deputy'.");
        access.require(personId, PersonOperation.EDIT_PERSON, "REPRESENTATIVE", personId);
        Optional<UUID> account = Optional.ofNullable(request.username()).filter(name -> !name.isBlank())
                .map(name -> accountNamed(name, "username").id());
        Representative representative = people.addRepresentative(personId, request.kind(), request.name().strip(),
                request.relationship().strip(), Optional.ofNullable(request.contact()), account, actors.current());
        return ResponseEntity.created(URI.create("/api/people/" + personId)).body(representative);
    }

    @PostMapping("/{personId}/care-team")
    List<String> addToCareTeam(@PathVariable UUID personId, @RequestBody CareTeamRequest request) {
        requireText(request.username(), "username", "Give the username of the colleague to add to the care team.");
        access.require(personId, PersonOperation.EDIT_PERSON, "CARE_TEAM", personId);
        people.addToCareTeam(personId, accountNamed(request.username(), "username").id());
        return people.careTeam(personId);
    }

    /**
     * A representative or nominee stops acting for the person: from now their account no longer
     * opens the person's record, plan, budget or spending. The record keeps them as past.
     */
    @PostMapping("/{personId}/representatives/{representativeId}/end")
    Representative endRepresentation(@PathVariable UUID personId, @PathVariable UUID representativeId,
            @RequestBody(required = false) EndingRequest request) {
        access.require(personId, PersonOperation.EDIT_PERSON, "REPRESENTATIVE", representativeId);
        return relationships.endRepresentation(personId, representativeId, request == null ? null : request.reason(),
                actors.current());
    }

    /** A colleague leaves the person's care team: from now the person is out of their caseload. */
    @PostMapping("/{personId}/care-team/{username}/end")
    CareTeamMember leaveCareTeam(@PathVariable UUID personId, @PathVariable String username,
            @RequestBody(required = false) EndingRequest request) {
        access.require(personId, PersonOperation.EDIT_PERSON, "CARE_TEAM", username);
        return relationships.leaveCareTeam(personId, username, request == null ? null : request.reason(), actors.current());
    }

    private Account accountNamed(String username, String field) {
        return accounts.find(username.strip())
                .orElseThrow(() -> PlatformException.invalid(field, "There is no account called '" + username + "'. Check the username."));
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw PlatformException.invalid(field, message);
        }
    }
}
