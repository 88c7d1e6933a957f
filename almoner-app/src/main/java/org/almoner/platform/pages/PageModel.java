package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.access.Role;
import org.almoner.platform.problems.PlatformException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, and the links their role can open. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** The signed-in account as the header shows it. */
    record SignedIn(String username, String displayName, Role role) {}

    private final Actors actors;
    private final Accounts accounts;
    private final Formats formats = new Formats();

    PageModel(Actors actors, Accounts accounts) {
        this.actors = requireNonNull(actors, "actors is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
    }

    @ModelAttribute("format")
    Formats format() {
        return formats;
    }

    @ModelAttribute("signedIn")
    SignedIn signedIn() {
        Actor actor = currentOrNull();
        if (actor == null) {
            return null;
        }
        String displayName = accounts.find(actor.username()).map(account -> account.displayName()).orElse(actor.username());
        return new SignedIn(actor.username(), displayName, actor.role());
    }

    @ModelAttribute("navigation")
    List<Page.Link> navigation(HttpServletRequest request) {
        return navigationFor(request.getRequestURI());
    }

    /** The header's links for the signed-in account, the one for {@code path} marked current. */
    List<Page.Link> navigationFor(String path) {
        Actor actor = currentOrNull();
        return actor == null ? List.of() : Page.navigationFor(actor.role(), path);
    }

    private Actor currentOrNull() {
        try {
            return actors.current();
        } catch (PlatformException notSignedIn) {
            return null;
        }
    }
}
