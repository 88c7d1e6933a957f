package org.almoner.platform.people;

/**
 * How the caller stands to a person's record.
 *
 * @param sameOrganisation the person's responsible organisation is the caller's
 * @param careTeam the caller is in the person's care team now (their caseload); one who left is not
 * @param organisationInvolved the caller's organisation provides, or was referred to provide, their care
 * @param self the caller is the person, or their representative or nominee (one whose relationship has not ended)
 */
public record Relationship(boolean sameOrganisation, boolean careTeam, boolean organisationInvolved, boolean self) {}
