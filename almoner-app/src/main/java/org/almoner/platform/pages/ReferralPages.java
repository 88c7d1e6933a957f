package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.pathways.Pathways;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.referrals.EligibilityBasis;
import org.almoner.platform.referrals.EligibilityRequest;
import org.almoner.platform.referrals.NewReferral;
import org.almoner.platform.referrals.Referral;
import org.almoner.platform.referrals.ReferralSource;
import org.almoner.platform.referrals.Referrals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Referring a person, and deciding whether they are eligible. */
@Controller
class ReferralPages {

    private final Referrals referrals;
    private final Pathways pathways;
    private final PersonAccess access;
    private final Actors actors;

    ReferralPages(Referrals referrals, Pathways pathways, PersonAccess access, Actors actors) {
        this.referrals = requireNonNull(referrals, "referrals is null");
        this.pathways = requireNonNull(pathways, "pathways is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @GetMapping("/people/{personId}/referrals/new")
    String referralForm(@PathVariable UUID personId, Model model) {
        Person person = access.require(personId, PersonOperation.REFER, "REFERRAL", null);
        return referralPage(person, Map.of(), Map.of(), model);
    }

    @PostMapping("/people/{personId}/referrals")
    String refer(@PathVariable UUID personId, @RequestParam Map<String, String> form, Model model) {
        Person person = access.require(personId, PersonOperation.REFER, "REFERRAL", null);
        try {
            NewReferral referral = new NewReferral(form.get("cohort"), choice(ReferralSource.class, form.get("source"), "source",
                    "Say who made the referral."), form.get("referrerName"), form.get("referrerOrganisation"), form.get("reason"),
                    PeoplePages.date(form, "receivedOn"));
            referrals.refer(person, referral, actors.current());
            return "redirect:/people/" + personId;
        } catch (PlatformException refusal) {
            return referralPage(person, form, FormErrors.of(refusal), model);
        }
    }

    @GetMapping("/referrals/{referralId}/eligibility")
    String eligibilityForm(@PathVariable UUID referralId, Model model) {
        Referral referral = existing(referralId);
        Person person = access.require(referral.personId(), PersonOperation.DECIDE_ELIGIBILITY, "ELIGIBILITY", referralId);
        return eligibilityPage(person, referral, Map.of(), Map.of(), model);
    }

    @PostMapping("/referrals/{referralId}/eligibility")
    String decide(@PathVariable UUID referralId, @RequestParam Map<String, String> form, Model model) {
        Referral referral = existing(referralId);
        Person person = access.require(referral.personId(), PersonOperation.DECIDE_ELIGIBILITY, "ELIGIBILITY", referralId);
        try {
            String eligible = form.getOrDefault("eligible", "");
            if (!eligible.equals("true") && !eligible.equals("false")) {
                throw PlatformException.invalid("eligible", "Say whether the person is eligible.");
            }
            EligibilityRequest request = new EligibilityRequest(Boolean.valueOf(eligible),
                    choice(EligibilityBasis.class, form.get("basis"), "basis", "Choose the basis of the decision."),
                    form.get("localCriteria"), form.get("reasons"), PeoplePages.date(form, "decidedOn"));
            referrals.decide(referral, person, request, actors.current());
            return "redirect:/people/" + person.id();
        } catch (PlatformException refusal) {
            return eligibilityPage(person, referral, form, FormErrors.of(refusal), model);
        }
    }

    private String referralPage(Person person, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("cohorts", pathways.all());
        model.addAttribute("sources", ReferralSource.values());
        return "pages/referral-new";
    }

    private String eligibilityPage(Person person, Referral referral, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("referral", referral);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bases", EligibilityBasis.values());
        return "pages/eligibility";
    }

    private Referral existing(UUID referralId) {
        return referrals.find(referralId).orElseThrow(() -> new PlatformException(PlatformErrorCode.REFERRAL_NOT_FOUND, "referralId",
                "There is no referral with id " + referralId + ". Check the address."));
    }

    /** The enum constant a form's radio or select gave, or a refusal naming the input. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw PlatformException.invalid(field, message);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw PlatformException.invalid(field, message);
        }
    }
}
