package org.almoner.engine.statements;

/** Who pays for a service, for the joint budget's contributions. */
public enum Funder {
    /** The integrated care board (NHS). */
    NHS,
    /** The council's adult or children's social care. */
    SOCIAL_CARE,
    /** The council's education (special educational needs) budget. */
    EDUCATION
}
