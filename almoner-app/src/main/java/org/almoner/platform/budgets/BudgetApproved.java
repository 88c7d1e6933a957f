package org.almoner.platform.budgets;

import java.math.BigDecimal;
import java.util.UUID;
import org.almoner.platform.pathways.ApprovalLevel;

/** Published when a budget is approved, by an approver or the panel. */
public record BudgetApproved(UUID budgetId, UUID personId, BigDecimal amount, ApprovalLevel level) {}
