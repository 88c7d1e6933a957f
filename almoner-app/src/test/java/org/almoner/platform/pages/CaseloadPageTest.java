package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The caseload is filtered and paged by the database: a search finds a person wherever they fall
 * in name order, and the pages between them show everyone once.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadPageTest {

    private static final String COORDINATOR = "caseload.coordinator";
    private static final int PEOPLE = 60;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @BeforeAll
    void recordPeople() {
        if (accounts.find(COORDINATOR).isPresent()) {
            return;
        }
        accounts.create(new NewAccount(COORDINATOR, "Caseload coordinator", Api.PASSWORD, Role.COORDINATOR, "CASELOAD", Optional.empty()));
        accounts.create(new NewAccount("caseload.other", "Another coordinator", Api.PASSWORD, Role.COORDINATOR, "CASELOAD", Optional.empty()));
        Api coordinator = Api.as(port, COORDINATOR);
        for (int number = 1; number <= PEOPLE; number++) {
            // Family names sort in number order: Caseload-001 ... Caseload-060.
            Api.Response recorded = coordinator.post("/api/people", Map.of("givenName", "Given" + number,
                    "familyName", "Caseload-%03d".formatted(number), "dateOfBirth", "1970-01-01", "sex", "1"));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        }
    }

    @Test
    void showsFiftyAPageWithALinkToTheNext() {
        String first = page("/people");

        assertThat(familyNames(first)).hasSize(50).startsWith("Caseload-001").endsWith("Caseload-050");
        assertThat(first).contains("People 1 to 50, and more").contains("page=2").doesNotContain("rel=\"prev\"");
    }

    @Test
    void secondPageShowsTheRestOnceWithALinkBack() {
        String second = page("/people?page=2");

        assertThat(familyNames(second)).hasSize(10).startsWith("Caseload-051").endsWith("Caseload-060");
        assertThat(second).contains("People 51 to 60").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void searchFindsSomeoneBeyondTheFirstPage() {
        String found = page("/people?search=caseload-059");

        assertThat(familyNames(found)).containsExactly("Caseload-059");
    }

    @Test
    void searchMatchesGivenAndFamilyNameInEitherOrder() {
        assertThat(familyNames(page("/people?search=given7caseload-007"))).containsExactly("Caseload-007");
        assertThat(familyNames(page("/people?search=caseload-007%20given7"))).containsExactly("Caseload-007");
    }

    @Test
    void wildcardsInASearchAreTakenLiterally() {
        assertThat(familyNames(page("/people?search=%25"))).isEmpty();
        assertThat(familyNames(page("/people?search=caseload_00"))).isEmpty();
    }

    @Test
    void filtersByTheLatestBudgetStage() {
        assertThat(familyNames(page("/people?budget=NONE"))).hasSize(50);
        assertThat(familyNames(page("/people?budget=ACTIVE"))).isEmpty();
    }

    @Test
    void aPageNumberThatIsNotOneShowsTheFirstPage() {
        assertThat(familyNames(page("/people?page=first"))).hasSize(50).startsWith("Caseload-001");
        assertThat(familyNames(page("/people?page=-3"))).startsWith("Caseload-001");
    }

    @Test
    void anotherCoordinatorSeesNoneOfThem() {
        Api.Response theirs = Api.as(port, "caseload.other").get("/people");

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(familyNames(theirs.body())).isEmpty();
    }

    private String page(String path) {
        Api.Response response = Api.as(port, COORDINATOR).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> familyNames(String html) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile(">(Caseload-\\d{3}), Given\\d+<").matcher(html);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
