package org.almoner.platform.access;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal Spring Security holds for a signed-in account. Equal by username so the session
 * registry finds every session of an account when it is disabled.
 */
final class SignedInAccount implements UserDetails {

    private final Account account;
    private final String passwordHash;

    SignedInAccount(Account account, String passwordHash) {
        this.account = requireNonNull(account, "account is null");
        this.passwordHash = passwordHash;
    }

    Account account() {
        return account;
    }

    Actor actor() {
        return new Actor(account.id(), account.username(), account.role(), account.organisation(), account.personId());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAccount that && that.getUsername().equals(getUsername());
    }

    @Override
    public int hashCode() {
        return getUsername().hashCode();
    }

    @Override
    public String toString() {
        return "SignedInAccount[" + account.username() + "]";
    }
}
