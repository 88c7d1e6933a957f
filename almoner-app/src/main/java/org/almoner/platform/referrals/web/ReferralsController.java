package org.almoner.platform.referrals.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.referrals.EligibilityRequest;
import org.almoner.platform.referrals.NewReferral;
import org.almoner.platform.referrals.Referral;
import org.almoner.platform.referrals.Referrals;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferralsController {

    private final Referrals referrals;
    private final PersonAccess access;
    private final Actors actors;

    ReferralsController(Referrals referrals, PersonAccess access, Actors actors) {
        this.referrals = referrals;
        this.access = access;
        this.actors = actors;
    }

    @PostMapping("/api/people/{personId}/referrals")
    ResponseEntity<Referral> refer(@PathVariable UUID personId, @RequestBody NewReferral referral) {
        Person person = access.require(personId, PersonOperation.REFER, "REFERRAL", null);
        Referral made = referrals.refer(person, referral, actors.current());
        return ResponseEntity.created(URI.create("/api/referrals/" + made.id())).body(made);
    }

    @GetMapping("/api/people/{personId}/referrals")
    List<Referral> forPerson(@PathVariable UUID personId) {
        access.require(personId, PersonOperation.VIEW_REFERRALS, "REFERRAL", null);
        return referrals.forPerson(personId);
    }

    @GetMapping("/api/referrals/{referralId}")
    Referral one(@PathVariable UUID referralId) {
        Referral referral = existing(referralId);
        access.require(referral.personId(), PersonOperation.VIEW_REFERRALS, "REFERRAL", referralId);
        return referral;
    }

    @PostMapping("/api/referrals/{referralId}/eligibility")
    Referral decide(@PathVariable UUID referralId, @RequestBody EligibilityRequest request) {
        Referral referral = existing(referralId);
        Person person = access.require(referral.personId(), PersonOperation.DECIDE_ELIGIBILITY, "ELIGIBILITY", referralId);
        return referrals.decide(referral, person, request, actors.current());
    }

    private Referral existing(UUID referralId) {
        return referrals.find(referralId).orElseThrow(() -> new PlatformException(PlatformErrorCode.REFERRAL_NOT_FOUND,
                "referralId", "There is no referral with id " + referralId + ". Check the address."));
    }
}
