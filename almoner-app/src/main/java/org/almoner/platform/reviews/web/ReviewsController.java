package org.almoner.platform.reviews.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.people.People;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.reviews.Review;
import org.almoner.platform.reviews.Reviews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewsController {

    private final Reviews reviews;
    private final People people;
    private final PersonAccess access;
    private final Actors actors;

    ReviewsController(Reviews reviews, People people, PersonAccess access, Actors actors) {
        this.reviews = reviews;
        this.people = people;
        this.access = access;
        this.actors = actors;
    }

    record CompleteRequest(LocalDate heldOn, String outcome) {}

    @GetMapping("/api/people/{personId}/reviews")
    List<Review> forPerson(@PathVariable UUID personId) {
        access.require(personId, PersonOperation.VIEW_REVIEWS, "REVIEW", null);
        return reviews.forPerson(personId);
    }

    /** Overdue reviews among the people the caller works with. */
    @GetMapping("/api/reviews/overdue")
    List<Review> overdue() {
        Actor actor = access.requireRole(PersonOperation.COMPLETE_REVIEW, "REVIEW_LIST");
        List<Review> overdue = reviews.overdue(people.visibility(actor));
        access.recordAllowed(PersonOperation.VIEW_REVIEWS, "REVIEW_LIST",
                overdue.stream().map(review -> new PersonAccess.Reached(review.personId(), review.id())).toList());
        return overdue;
    }

    @PostMapping("/api/reviews/{reviewId}/complete")
    Review complete(@PathVariable UUID reviewId, @RequestBody CompleteRequest request) {
        Review review = reviews.find(reviewId).orElseThrow(() -> new PlatformException(PlatformErrorCode.REVIEW_NOT_FOUND, "reviewId",
                "There is no review with id " + reviewId + ". Check the address."));
        access.require(review.personId(), PersonOperation.COMPLETE_REVIEW, "REVIEW", reviewId);
        return reviews.complete(review, request.heldOn(), request.outcome(), actors.current());
    }
}
