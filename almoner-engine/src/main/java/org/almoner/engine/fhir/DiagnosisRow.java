package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.almoner.engine.format.InputFile;

/** One row of the diagnoses format made from a Condition. */
record DiagnosisRow(String personId, String codeSystem, String code, Optional<LocalDate> recordedDate) {

    DiagnosisRow {
        requireNonNull(personId, "personId is null");
        requireNonNull(codeSystem, "codeSystem is null");
        requireNonNull(code, "code is null");
        requireNonNull(recordedDate, "recordedDate is null");
    }

    /** The row's values in {@link InputFile#DIAGNOSES} header order. */
    List<String> values() {
        Map<String, String> byColumn = new HashMap<>();
        byColumn.put("person_id", personId);
        byColumn.put("code_system", codeSystem);
        byColumn.put("code", code);
        byColumn.put("recorded_date", recordedDate.map(LocalDate::toString).orElse(""));
        return ActivityRow.inHeaderOrder(InputFile.DIAGNOSES, byColumn);
    }
}
