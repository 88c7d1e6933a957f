package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.BudgetStatus;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Component;

/** The person a signed-in budget holder is, or represents, reached through the same gate as everyone else. */
@Component
class Holders {

    private final People people;
    private final Budgets budgets;
    private final PersonAccess access;
    private final Actors actors;

    Holders(People people, Budgets budgets, PersonAccess access, Actors actors) {
        this.people = requireNonNull(people, "people is null");
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    /** The person, once the page is open to the role and the operation to them; both accesses are audited. */
    Person me(Page page, PersonOperation operation, String recordType) {
        Actor actor = actors.current();
        page.requireFor(actor);
        UUID personId = actor.personId().orElseGet(() -> people.visibleTo(actor, 1).stream().map(Person::id).findFirst()
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.PERSON_NOT_FOUND,
                        "Your account is not linked to a person yet. Ask your coordinator to link it.")));
        access.require(personId, PersonOperation.VIEW_PERSON, "PERSON", personId);
        return access.require(personId, operation, recordType, personId);
    }

    /** The person's budget that has not ended, if they have one. */
    Optional<Budget> currentBudget(Person person) {
        return budgets.forPerson(person.id()).stream().filter(found -> found.status() != BudgetStatus.ENDED).findFirst();
    }
}
