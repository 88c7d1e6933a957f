package org.almoner.platform.budgets;

import java.util.UUID;

/** Published when how a budget is held changes: an approved change, or a direct payment withheld. */
public record MechanismsChanged(UUID budgetId, UUID personId, Mechanisms before, Mechanisms after, String reason) {}
