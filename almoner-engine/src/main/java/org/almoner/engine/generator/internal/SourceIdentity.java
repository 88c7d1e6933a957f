package org.almoner.engine.generator.internal;

/**
 * A person as one source system holds them, errors and all. Blank fields are null; a blank date of
 * birth is {@link #MISSING_DATE} (epoch days are negative before 1970, so -1 would be a real date).
 */
record SourceIdentity(String nhsNumber, String localPersonId, String givenName, String familyName,
        int dateOfBirth, String sex, String postcode) {

    static final int MISSING_DATE = Integer.MIN_VALUE;
}
