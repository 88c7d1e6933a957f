package org.almoner.platform.access;

import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: the signed-in account of the current request. */
@Component
public class Actors {

    /** The caller; every request but the health check is signed in, so this always has one. */
    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
            return account.actor();
        }
        throw new PlatformException(PlatformErrorCode.SIGN_IN_REQUIRED, "Sign in first.");
    }
}
