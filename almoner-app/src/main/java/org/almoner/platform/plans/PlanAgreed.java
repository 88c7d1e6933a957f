package org.almoner.platform.plans;

import java.math.BigDecimal;
import java.util.UUID;

/** Published when a version of a plan is agreed. */
public record PlanAgreed(UUID planId, UUID personId, int version, BigDecimal totalAnnualCost, boolean counts) {}
