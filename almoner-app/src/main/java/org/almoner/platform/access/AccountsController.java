package org.almoner.platform.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts for administrators, and "who am I" for everyone. */
@RestController
class AccountsController {

    private final Accounts accounts;
    private final Actors actors;

    AccountsController(Accounts accounts, Actors actors) {
        this.accounts = accounts;
        this.actors = actors;
    }

    record AccountRequest(String username, String displayName, String password, Role role, String organisation, UUID personId) {}

    @GetMapping("/api/me")
    Actor me() {
        return actors.current();
    }

    @GetMapping("/api/accounts")
    List<Account> all() {
        return accounts.all();
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Account create(@RequestBody AccountRequest request) {
        return accounts.create(new NewAccount(request.username(), request.displayName(), request.password(), request.role(),
                request.organisation(), Optional.ofNullable(request.personId())));
    }

    @PostMapping("/api/accounts/{username}/disable")
    Account disable(@PathVariable String username) {
        return accounts.disable(username);
    }

    @PostMapping("/api/accounts/{username}/enable")
    Account enable(@PathVariable String username) {
        return accounts.enable(username);
    }
}
