package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.CareTeamMember;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.people.PersonRelationships;
import org.almoner.platform.people.Representative;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Removing a representative, a nominee or a member of the care team from the person's record: a
 * page saying what removing them does and asking why, then back to the record with what was done.
 * The same rules and access as the API; nothing is deleted.
 */
@Controller
class RemovalPages {

    private static final String PREFIX = "ending";
    private static final Set<String> INPUTS = Set.of("reason");

    /** What the confirmation page shows: whom, what removing them does, and where its form goes. */
    record Removal(String title, String consequence, String action, String button) {}

    private final PersonRelationships relationships;
    private final PersonAccess access;
    private final Actors actors;

    RemovalPages(PersonRelationships relationships, PersonAccess access, Actors actors) {
        this.relationships = requireNonNull(relationships, "relationships is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @GetMapping("/people/{personId}/representatives/{representativeId}/end")
    String confirmRepresentative(@PathVariable UUID personId, @PathVariable UUID representativeId, Model model) {
        Person person = access.require(personId, PersonOperation.EDIT_PERSON, "REPRESENTATIVE", representativeId);
        return page(person, representativeRemoval(person, currentRepresentative(personId, representativeId)), Map.of(), Map.of(), model);
    }

    @PostMapping("/people/{personId}/representatives/{representativeId}/end")
    String endRepresentative(@PathVariable UUID personId, @PathVariable UUID representativeId, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes flash) {
        Person person = access.require(personId, PersonOperation.EDIT_PERSON, "REPRESENTATIVE", representativeId);
        Representative representative = currentRepresentative(personId, representativeId);
        try {
            Representative ended = relationships.endRepresentation(personId, representativeId, form.get(PREFIX + ".reason"), actors.current());
            flash.addFlashAttribute("done", ended.name() + " is no longer " + article(ended.kind()) + " for " + person.name() + ".");
            return "redirect:/people/" + personId + "#representatives";
        } catch (PlatformException refusal) {
            return page(person, representativeRemoval(person, representative), form, FormErrors.of(refusal, PREFIX, INPUTS), model);
        }
    }

    @GetMapping("/people/{personId}/care-team/{username}/end")
    String confirmCareTeamMember(@PathVariable UUID personId, @PathVariable String username, Model model) {
        Person person = access.require(personId, PersonOperation.EDIT_PERSON, "CARE_TEAM", username);
        return page(person, careTeamRemoval(person, currentMember(personId, username)), Map.of(), Map.of(), model);
    }

    @PostMapping("/people/{personId}/care-team/{username}/end")
    String leaveCareTeam(@PathVariable UUID personId, @PathVariable String username, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes flash) {
        Person person = access.require(personId, PersonOperation.EDIT_PERSON, "CARE_TEAM", username);
        CareTeamMember member = currentMember(personId, username);
        try {
            relationships.leaveCareTeam(personId, username, form.get(PREFIX + ".reason"), actors.current());
            flash.addFlashAttribute("done", member.displayName() + " is no longer in " + person.name() + "'s care team.");
            return "redirect:/people/" + personId + "#care-team";
        } catch (PlatformException refusal) {
            return page(person, careTeamRemoval(person, member), form, FormErrors.of(refusal, PREFIX, INPUTS), model);
        }
    }

    private Representative currentRepresentative(UUID personId, UUID representativeId) {
        Representative representative = relationships.representation(personId).find(representativeId)
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.REPRESENTATIVE_NOT_FOUND, "representativeId",
                        "This person has no representative or nominee with id " + representativeId + ". Go back to their record."));
        if (!representative.current()) {
            throw new PlatformException(PlatformErrorCode.RELATIONSHIP_ALREADY_ENDED, "representativeId",
                    representative.name() + " already stopped acting for the person. Their record lists them as past.");
        }
        return representative;
    }

    private CareTeamMember currentMember(UUID personId, String username) {
        return relationships.careTeam(personId).current().stream().filter(member -> member.username().equals(username)).findFirst()
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.CARE_TEAM_MEMBER_NOT_FOUND, "username",
                        "'" + username + "' is not in this person's care team now. Go back to their record to see who is."));
    }

    private static Removal representativeRemoval(Person person, Representative representative) {
        String kind = representative.kind() == Representative.Kind.NOMINEE ? "nominee" : "representative";
        return new Removal("Remove " + representative.name() + " as " + person.name() + "'s " + kind,
                "From the moment you remove them, " + representative.name() + " can no longer act for " + person.name()
                        + (representative.accountId().isPresent() ? ", and their account no longer opens " + person.name()
                                + "'s record, plan, budget or spending" : "")
                        + ". The record keeps them as a past " + kind + ", with today's date and your reason.",
                "/people/" + person.id() + "/representatives/" + representative.id() + "/end", "Remove " + kind);
    }

    private static Removal careTeamRemoval(Person person, CareTeamMember member) {
        return new Removal("Remove " + member.displayName() + " from " + person.name() + "'s care team",
                "From the moment you remove them, " + person.name() + " is no longer in " + member.displayName()
                        + "'s caseload: to open the record again they would have to say why, and that is flagged for review."
                        + " The record keeps them as a past member of the care team, with today's date and your reason.",
                "/people/" + person.id() + "/care-team/" + member.username() + "/end", "Remove from the care team");
    }

    private static String article(Representative.Kind kind) {
        return kind == Representative.Kind.NOMINEE ? "a nominee" : "a representative";
    }

    private static String page(Person person, Removal removal, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("removal", removal);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "pages/relationship-end";
    }
}
