package org.almoner.engine.ingest;

/**
 * The reject reasons that depend on other rows (duplicates, unknown people), as SQL, shared by the
 * load (which marks rows) and the line-numbering pass (which lists them), so both agree.
 */
final class RejectRules {

    private RejectRules() {
    }

    static String duplicatePerson(String personId, String occurrences) {
        return "'person_id' || chr(31) || 'person_id ' || " + personId + " || ' appears ' || " + occurrences
                + " || ' times in the people file; each person must appear once, so none of these rows is loaded'";
    }

    static String duplicateRecord(String sourceSystem, String recordId, String occurrences) {
        return "'source_record_id' || chr(31) || 'source_record_id ' || " + recordId + " || ' of ' || " + sourceSystem
                + " || ' appears ' || " + occurrences + " || ' times; record ids must be unique in a source system, so none"
                + " of these rows is loaded. Correct the source and load again'";
    }

    static String unknownPerson(String personId) {
        return "'person_id' || chr(31) || 'person_id ' || " + personId
                + " || ' is not in the people file; add the person there, or correct the identifier'";
    }

    static String isUnknownPerson(String personId) {
        return "NOT EXISTS (SELECT 1 FROM people_in_spine p WHERE p.person_id = " + personId + ")";
    }
}
