package org.almoner.platform.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.platform.access.Account;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.people.NewPerson;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.problems.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo once into an empty platform: the demo accounts, and the people of the generated
 * population most likely to be offered a personal health budget (continuing healthcare, section 117,
 * wheelchair users, children's continuing care, learning disability or autism), each linked to
 * their analytics record as anyone recorded with an NHS number is.
 */
@Component
class DemoPopulation {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

    private final Accounts accounts;
    private final People people;
    private final String input;
    private final int size;

    DemoPopulation(Accounts accounts, People people, @Value("${almoner.demo.input:}") String input,
            @Value("${almoner.demo.people:200}") int size) {
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.people = requireNonNull(people, "people is null");
        this.input = input;
        this.size = size;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnce() {
        if (input.isBlank() || accounts.find("coordinator").isPresent()) {
            return;
        }
        for (DemoAccounts.DemoAccount demo : DemoAccounts.ALL) {
            accounts.create(new NewAccount(demo.username(), demo.displayName(), DemoAccounts.PASSWORD, demo.role(), demo.organisation(),
                    Optional.empty()));
        }
        Account coordinator = accounts.find("coordinator").orElseThrow();
        Account clinician = accounts.find("clinician").orElseThrow();
        Actor recorder = new Actor(coordinator.id(), coordinator.username(), coordinator.role(), coordinator.organisation(), Optional.empty());
        Path peopleFile = Path.of(input).resolve("people.csv");
        if (!Files.isReadable(peopleFile)) {
            log.warn("No demo people: {} cannot be read", peopleFile);
            return;
        }
        int loaded = 0;
        UUID first = null;
        try (Connection duckdb = DuckDb.open(null, new DuckDbSettings(1, 512, null));
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT person_id, nhs_number, given_name, family_name, date_of_birth, sex, postcode
                        FROM read_csv(%s, header = true, all_varchar = true)
                        WHERE nhs_number IS NOT NULL AND given_name IS NOT NULL AND family_name IS NOT NULL
                          AND date_of_death IS NULL
                          AND (chc = 'Y' OR section_117 = 'Y' OR wheelchair_service = 'Y' OR childrens_continuing_care = 'Y'
                               OR learning_disability_autism = 'Y')
                        ORDER BY person_id
                        LIMIT %d
                        """.formatted(DuckDb.literal(peopleFile.toString()), size))) {
            while (rows.next()) {
                NewPerson details = new NewPerson(rows.getString("nhs_number"), rows.getString("given_name"), rows.getString("family_name"),
                        // Linked to their analytics record by People, with the demo's key (almoner.analytics.key-file).
                        LocalDate.parse(rows.getString("date_of_birth")), rows.getString("sex"), rows.getString("postcode"), null);
                Person person;
                try {
                    person = people.record(details, recorder);
                } catch (PlatformException duplicate) {
                    continue; // The generator gives a few people the same NHS number, as real spines have; skip them.
                }
                if (loaded % 2 == 0) {
                    people.addToCareTeam(person.id(), clinician.id());
                }
                if (first == null) {
                    first = person.id();
                }
                loaded++;
            }
        } catch (SQLException failure) {
            log.warn("Demo people could not be read from {}: {}", peopleFile, failure.getMessage());
        }
        if (first != null) {
            // The demo budget holder is the first person recorded.
            accounts.linkToPerson("holder", first);
        }
        log.info("Demo loaded: {} accounts and {} people", DemoAccounts.ALL.size(), loaded);
    }
}
