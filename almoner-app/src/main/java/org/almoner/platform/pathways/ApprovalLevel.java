package org.almoner.platform.pathways;

/** Who decides a budget: one budget approver, or the panel. */
public enum ApprovalLevel {
    APPROVER,
    PANEL
}
