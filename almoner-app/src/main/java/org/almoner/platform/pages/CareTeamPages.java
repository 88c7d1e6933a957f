package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.almoner.platform.access.Account;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.People;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.people.Representative;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a representative or nominee, and a colleague to the care team, from the person's record,
 * with the API's checks and access rule. Either way the record is shown again: with what was
 * done, or with the form's errors and what was typed.
 */
@Controller
class CareTeamPages {

    private static final Set<String> REPRESENTATIVE_INPUTS = Set.of("kind", "name", "relationship", "contact", "username");

    private final People people;
    private final Accounts accounts;
    private final PersonAccess access;
    private final Actors actors;

    CareTeamPages(People people, Accounts accounts, PersonAccess access, Actors actors) {
        this.people = requireNonNull(people, "people is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @PostMapping("/people/{personId}/representatives")
    String addRepresentative(@PathVariable UUID personId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        access.require(personId, PersonOperation.EDIT_PERSON, "REPRESENTATIVE", personId);
        try {
            Representative.Kind kind;
            try {
                kind = Representative.Kind.valueOf(form.getOrDefault("representative.kind", ""));
            } catch (IllegalArgumentException notChosen) {
                throw PlatformException.invalid("kind", "Say whether they are a representative or a nominee.");
            }
            String name = required(form, "representative.name", "name", "Give the representative's name.");
            String relationship = required(form, "representative.relationship", "relationship",
                    "Give their relationship to the person, for example 'mother' or 'deputy'.");
            Optional<UUID> account = Optional.ofNullable(form.get("representative.username")).filter(username -> !username.isBlank())
                    .map(username -> accountNamed(username, "username").id());
            Representative added = people.addRepresentative(personId, kind, name, relationship,
                    Optional.ofNullable(form.get("representative.contact")).filter(contact -> !contact.isBlank()).map(String::strip),
                    account, actors.current());
            flash.addFlashAttribute("done", added.name() + " added as " + (kind == Representative.Kind.NOMINEE ? "a nominee." : "a representative."));
        } catch (PlatformException refusal) {
            flash.addFlashAttribute("form", form);
            flash.addFlashAttribute("errors", FormErrors.of(refusal, "representative", REPRESENTATIVE_INPUTS));
        }
        return "redirect:/people/" + personId;
    }

    @PostMapping("/people/{personId}/care-team")
    String addToCareTeam(@PathVariable UUID personId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        access.require(personId, PersonOperation.EDIT_PERSON, "CARE_TEAM", personId);
        try {
            String username = required(form, "careTeam.username", "username", "Give the username of the colleague to add to the care team.");
            Account colleague = accountNamed(username, "username");
            people.addToCareTeam(personId, colleague.id());
            flash.addFlashAttribute("done", colleague.displayName() + " added to the care team.");
        } catch (PlatformException refusal) {
            flash.addFlashAttribute("form", form);
            flash.addFlashAttribute("errors", FormErrors.of(refusal, "careTeam", Set.of("username")));
        }
        return "redirect:/people/" + personId;
    }

    private Account accountNamed(String username, String field) {
        return accounts.find(username.strip())
                .orElseThrow(() -> PlatformException.invalid(field, "There is no account called '" + username.strip() + "'. Check the username."));
    }

    private static String required(Map<String, String> form, String input, String field, String message) {
        String value = form.get(input);
        if (value == null || value.isBlank()) {
            throw PlatformException.invalid(field, message);
        }
        return value.strip();
    }
}
