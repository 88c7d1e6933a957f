package org.almoner.platform.demo;

import java.util.List;
import org.almoner.platform.access.Role;

/**
 * The demonstration sign-ins. They exist only on a platform started with a demo population; the
 * password is printed when it starts and is the same for every demo account.
 */
public final class DemoAccounts {

    /** The commissioning organisation of the demo area. */
    public static final String AREA = "NORTHFIELD_ICB";
    /** A neighbouring organisation, to show that records stay within their organisation. */
    public static final String NEIGHBOUR = "SOUTHMOOR_ICB";
    /** The demo provider (a home care agency from the engine's reference data). */
    public static final String PROVIDER = "DCA01";
    public static final String PASSWORD = "almoner-demo-password";

    /** One demo sign-in. */
    public record DemoAccount(String username, String displayName, Role role, String organisation) {}

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("commissioner", "Chris Commissioner", Role.COMMISSIONER, AREA),
            new DemoAccount("coordinator", "Cara Coordinator", Role.COORDINATOR, AREA),
            new DemoAccount("clinician", "Clem Clinician", Role.CLINICIAN, AREA),
            new DemoAccount("approver", "Ava Approver", Role.APPROVER, AREA),
            new DemoAccount("link.worker", "Lee Link-Worker", Role.LINK_WORKER, AREA),
            new DemoAccount("provider", "Pat Provider (Brightcare Home Care)", Role.PROVIDER, PROVIDER),
            new DemoAccount("holder", "Harper Holder (a budget holder)", Role.BUDGET_HOLDER, AREA),
            new DemoAccount("auditor", "Aude Auditor", Role.AUDITOR, AREA),
            new DemoAccount("administrator", "Ade Administrator", Role.ADMINISTRATOR, AREA),
            new DemoAccount("coordinator.south", "Sam Southmoor Coordinator", Role.COORDINATOR, NEIGHBOUR));

    private DemoAccounts() {}
}
