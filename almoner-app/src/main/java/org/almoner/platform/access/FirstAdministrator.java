package org.almoner.platform.access;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the first administrator account of a new installation (from {@code almoner serve
 * --administrator NAME}), with the password from the environment so it never appears in a command
 * line or a log.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final String username;
    private final String organisation;

    FirstAdministrator(Accounts accounts, @Value("${almoner.bootstrap.administrator:}") String username,
            @Value("${almoner.bootstrap.organisation:ADMINISTRATION}") String organisation) {
        this.accounts = accounts;
        this.username = username;
        this.organisation = organisation;
    }

    @EventListener(ApplicationReadyEvent.class)
    void openIfMissing() {
        if (username.isBlank() || accounts.find(username).isPresent()) {
            return;
        }
        String password = System.getenv("ALMONER_ADMINISTRATOR_PASSWORD");
        if (password == null || password.length() < 12) {
            log.warn("Administrator '{}' not opened: set ALMONER_ADMINISTRATOR_PASSWORD to a password of 12 characters or more", username);
            return;
        }
        accounts.create(new NewAccount(username, "Administrator", password, Role.ADMINISTRATOR, organisation, Optional.empty()));
        log.info("Administrator account '{}' opened", username);
    }
}
