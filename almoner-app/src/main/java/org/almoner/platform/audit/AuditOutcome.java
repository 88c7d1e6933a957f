package org.almoner.platform.audit;

/** Whether the attempt went ahead. */
public enum AuditOutcome {
    ALLOWED,
    REFUSED
}
