package org.almoner.platform.access;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sign-in accounts, stored in PostgreSQL with hashed passwords. */
@Component
public class Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SessionRegistry sessions;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, SessionRegistry sessions, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.passwords = requireNonNull(passwords, "passwords is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds an account; the password is stored only as a hash. */
    @Transactional
    public Account create(NewAccount account) {
        if (jdbc.sql("SELECT count(*) FROM accounts WHERE username = ?").param(account.username()).query(Long.class).single() > 0) {
            throw PlatformException.invalid("username", "There is already an account called '" + account.username() + "'. Choose another username.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO accounts (id, username, display_name, password_hash, role, organisation_code, person_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, account.username(), account.displayName(), passwords.encode(account.password()),
                        account.role().name(), account.organisation(), account.personId().orElse(null),
                        Timestamp.from(clock.instant()))
                .update();
        return find(account.username()).orElseThrow();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT * FROM accounts WHERE username = ?").param(username).query(Accounts::account).optional();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT * FROM accounts ORDER BY username").query(Accounts::account).list();
    }

    /** Stops an account signing in and ends every session it has open, at once. */
    @Transactional
    public Account disable(String username) {
        Account account = find(username).orElseThrow(() -> new PlatformException(PlatformErrorCode.ACCOUNT_NOT_FOUND, "username",
                "There is no account called '" + username + "'."));
        jdbc.sql("UPDATE accounts SET enabled = false WHERE id = ?").param(account.id()).update();
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof SignedInAccount signedIn && signedIn.getUsername().equals(username)) {
                sessions.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
        return find(username).orElseThrow();
    }

    @Transactional
    public Account enable(String username) {
        Account account = find(username).orElseThrow(() -> new PlatformException(PlatformErrorCode.ACCOUNT_NOT_FOUND, "username",
                "There is no account called '" + username + "'."));
        jdbc.sql("UPDATE accounts SET enabled = true WHERE id = ?").param(account.id()).update();
        return find(username).orElseThrow();
    }

    /** Links a budget holder's account to the person they are (set once the person is recorded). */
    @Transactional
    public void linkToPerson(String username, UUID personId) {
        jdbc.sql("UPDATE accounts SET person_id = ? WHERE username = ?").params(personId, username).update();
    }

    Optional<SignedInAccount> forSignIn(String username) {
        return jdbc.sql("SELECT * FROM accounts WHERE username = ?").param(username)
                .query((row, number) -> new SignedInAccount(account(row, number), row.getString("password_hash")))
                .optional();
    }

    private static Account account(ResultSet row, int number) throws SQLException {
        return new Account(
                row.getObject("id", UUID.class),
                row.getString("username"),
                row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                row.getString("organisation_code"),
                Optional.ofNullable(row.getObject("person_id", UUID.class)),
                row.getBoolean("enabled"));
    }
}
