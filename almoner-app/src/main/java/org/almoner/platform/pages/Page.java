package org.almoner.platform.pages;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Role;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;

/**
 * The pages of the header navigation and who may open them. The header is drawn from this list,
 * and each page refuses a role not in it, so nobody sees a link to a page they cannot open.
 */
enum Page {
    HOME("Home", "/", EnumSet.allOf(Role.class)),
    CASELOAD("People", "/people", rolesThatCan(PersonOperation.VIEW_PERSON, Role.BUDGET_HOLDER)),
    APPROVALS("Approvals", "/approvals", rolesThatCan(PersonOperation.DECIDE_BUDGET)),
    REVIEWS("Reviews", "/reviews", rolesThatCan(PersonOperation.COMPLETE_REVIEW)),
    MY_PLAN("My plan", "/my/plan", EnumSet.of(Role.BUDGET_HOLDER)),
    MY_BUDGET("My budget", "/my/budget", EnumSet.of(Role.BUDGET_HOLDER)),
    MY_SPENDING("My spending", "/my/spending", EnumSet.of(Role.BUDGET_HOLDER)),
    OVERVIEW("Overview", "/overview", EnumSet.of(Role.COMMISSIONER)),
    NATIONAL_RETURN("National return", "/national-return", EnumSet.of(Role.COMMISSIONER)),
    COHORTS("Cohorts", "/cohorts", EnumSet.of(Role.COMMISSIONER)),
    STATEMENTS("Statements of resources", "/statements", EnumSet.of(Role.COMMISSIONER)),
    CAPITATION("Capitation", "/capitation", EnumSet.of(Role.COMMISSIONER)),
    RELEASE("Releasing funding", "/release", EnumSet.of(Role.COMMISSIONER)),
    INDICATORS("Indicators", "/indicators", EnumSet.of(Role.COMMISSIONER)),
    ANALYSIS("Analysis", "/analysis", EnumSet.of(Role.COMMISSIONER)),
    AUDIT_TRAIL("Audit trail", "/audit", EnumSet.of(Role.AUDITOR));

    private final String label;
    private final String path;
    private final Set<Role> roles;

    Page(String label, String path, Set<Role> roles) {
        this.label = label;
        this.path = path;
        this.roles = roles;
    }

    /** One link of the header: its words, address, and whether it is the page being shown. */
    record Link(String label, String path, boolean current) {}

    String label() {
        return label;
    }

    String path() {
        return path;
    }

    boolean opensFor(Role role) {
        return roles.contains(role);
    }

    /** Refuses a caller whose role cannot open this page. */
    void requireFor(Actor actor) {
        if (!opensFor(actor.role())) {
            throw new PlatformException(PlatformErrorCode.ACCESS_DENIED,
                    "Your role (" + actor.role() + ") cannot open the " + label.toLowerCase() + " page.");
        }
    }

    /** The header links for a role, marking the one whose address the request is under. */
    static List<Link> navigationFor(Role role, String requestPath) {
        Page current = Arrays.stream(values()).filter(page -> page != HOME)
                .filter(page -> requestPath.equals(page.path) || requestPath.startsWith(page.path + "/"))
                .findFirst().orElse(requestPath.equals("/") ? HOME : null);
        return Arrays.stream(values()).filter(page -> page.opensFor(role))
                .map(page -> new Link(page.label, page.path, page == current)).toList();
    }

    /** Roles the operation allows, less those that reach people another way (a budget holder sees only their own pages). */
    private static Set<Role> rolesThatCan(PersonOperation operation, Role... except) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (operation.allows(role)) {
                roles.add(role);
            }
        }
        roles.removeAll(Arrays.asList(except));
        return roles;
    }
}
