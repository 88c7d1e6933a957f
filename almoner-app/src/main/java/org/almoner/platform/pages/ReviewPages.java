package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.reviews.Review;
import org.almoner.platform.reviews.Reviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reviews overdue and due soon among the caller's people, and recording a review held. */
@Controller
class ReviewPages {

    /** How far ahead "due soon" looks. */
    private static final int DAYS_AHEAD = 60;
    /** The most reviews one page lists, soonest due first; a commissioner of a million people sees where to start. */
    private static final int MOST_SHOWN = 500;

    /** A review with the name of the person it is for. */
    record Due(Review review, Person person, boolean overdue) {}

    private final Reviews reviews;
    private final People people;
    private final PersonAccess access;
    private final Actors actors;
    private final Clock clock;

    ReviewPages(Reviews reviews, People people, PersonAccess access, Actors actors, Clock clock) {
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.people = requireNonNull(people, "people is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/reviews")
    String due(Model model) {
        Actor actor = access.requireRole(PersonOperation.COMPLETE_REVIEW, "REVIEW_LIST");
        Page.REVIEWS.requireFor(actor);
        LocalDate today = LocalDate.now(clock);
        List<Review> found = reviews.dueBy(people.visibility(actor), today.plusDays(DAYS_AHEAD), MOST_SHOWN + 1);
        Map<UUID, Person> whose = people.findAll(found.stream().map(Review::personId).collect(Collectors.toSet()));
        List<Due> due = new ArrayList<>();
        List<PersonAccess.Reached> shown = new ArrayList<>();
        for (Review review : found.subList(0, Math.min(found.size(), MOST_SHOWN))) {
            Person person = whose.get(review.personId());
            shown.add(new PersonAccess.Reached(person.id(), review.id()));
            due.add(new Due(review, person, review.overdueOn(today)));
        }
        model.addAttribute("more", found.size() > MOST_SHOWN);
        model.addAttribute("mostShown", MOST_SHOWN);
        access.recordAllowed(PersonOperation.VIEW_REVIEWS, "REVIEW_LIST", shown);
        model.addAttribute("overdue", due.stream().filter(Due::overdue).toList());
        model.addAttribute("soon", due.stream().filter(item -> !item.overdue()).toList());
        model.addAttribute("daysAhead", DAYS_AHEAD);
        return "pages/reviews";
    }

    @GetMapping("/reviews/{reviewId}")
    String form(@PathVariable UUID reviewId, Model model) {
        Review review = existing(reviewId);
        Person person = access.require(review.personId(), PersonOperation.COMPLETE_REVIEW, "REVIEW", reviewId);
        return page(person, review, Map.of(), Map.of(), model);
    }

    @PostMapping("/reviews/{reviewId}")
    String complete(@PathVariable UUID reviewId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        Review review = existing(reviewId);
        Person person = access.require(review.personId(), PersonOperation.COMPLETE_REVIEW, "REVIEW", reviewId);
        try {
            reviews.complete(review, PeoplePages.date(form, "heldOn"), form.get("outcome"), actors.current());
            flash.addFlashAttribute("done", "Review recorded for " + person.name() + ".");
            return "redirect:/people/" + person.id();
        } catch (PlatformException refusal) {
            return page(person, review, form, FormErrors.of(refusal), model);
        }
    }

    private String page(Person person, Review review, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("review", review);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "pages/review";
    }

    private Review existing(UUID reviewId) {
        return reviews.find(reviewId).orElseThrow(() -> new PlatformException(PlatformErrorCode.REVIEW_NOT_FOUND, "reviewId",
                "There is no review with id " + reviewId + ". Check the address."));
    }
}
