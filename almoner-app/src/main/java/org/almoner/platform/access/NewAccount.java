package org.almoner.platform.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.problems.PlatformException;

/** What an administrator gives to open an account. */
public record NewAccount(String username, String displayName, String password, Role role, String organisation,
        Optional<UUID> personId) {

    public NewAccount {
        if (username == null || !username.matches("[a-z0-9._-]{3,64}")) {
            throw PlatformException.invalid("username", "A username is 3 to 64 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw PlatformException.invalid("displayName", "Give the name to show for this account.");
        }
        if (password == null || password.length() < 12) {
            throw PlatformException.invalid("password", "A password needs at least 12 characters.");
        }
        if (role == null) {
            throw PlatformException.invalid("role", "Give the account's role, one of " + java.util.Arrays.toString(Role.values()) + ".");
        }
        if (organisation == null || organisation.isBlank()) {
            throw PlatformException.invalid("organisation", "Give the code of the organisation the account belongs to.");
        }
        personId = personId == null ? Optional.empty() : personId;
        requireNonNull(personId, "personId is null");
    }
}
