package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security checks the password it posts) and the home page after it. */
@Controller
class SignInPages {

    private final Actors actors;

    SignInPages(Actors actors) {
        this.actors = requireNonNull(actors, "actors is null");
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "pages/sign-in";
    }

    /** What the signed-in role can do, as links to start from. */
    @GetMapping("/")
    String home(Model model) {
        Actor actor = actors.current();
        model.addAttribute("role", actor.role());
        return "pages/home";
    }
}
