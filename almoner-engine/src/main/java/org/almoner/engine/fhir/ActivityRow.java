package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.format.Setting;

/** One row of the activity format made from a FHIR resource. */
record ActivityRow(String sourceRecordId, Setting setting, PersonIdentity person, String providerCode,
        String serviceCode, String pointOfDelivery, LocalDate startDate, Optional<LocalDate> endDate,
        BigDecimal units, String unitType, String currencyCode, String currencyType, String primaryDiagnosis,
        Optional<BigDecimal> localCost, Optional<LocalDate> recordedDate) {

    /** The source_system of every row this import writes. */
    static final String SOURCE_SYSTEM = "FHIR";

    ActivityRow {
        requireNonNull(sourceRecordId, "sourceRecordId is null");
        requireNonNull(setting, "setting is null");
        requireNonNull(person, "person is null");
        requireNonNull(providerCode, "providerCode is null");
        requireNonNull(serviceCode, "serviceCode is null");
        requireNonNull(pointOfDelivery, "pointOfDelivery is null");
        requireNonNull(startDate, "startDate is null");
        requireNonNull(endDate, "endDate is null");
        requireNonNull(units, "units is null");
        requireNonNull(unitType, "unitType is null");
        requireNonNull(currencyCode, "currencyCode is null");
        requireNonNull(currencyType, "currencyType is null");
        requireNonNull(primaryDiagnosis, "primaryDiagnosis is null");
        requireNonNull(localCost, "localCost is null");
        requireNonNull(recordedDate, "recordedDate is null");
        if (units.signum() <= 0) {
            throw new IllegalArgumentException("units must be greater than zero: " + units);
        }
        localCost = localCost.map(cost -> cost.setScale(2, RoundingMode.HALF_UP));
    }

    ActivityRow withLocalCost(BigDecimal cost) {
        return new ActivityRow(sourceRecordId, setting, person, providerCode, serviceCode, pointOfDelivery, startDate,
                endDate, units, unitType, currencyCode, currencyType, primaryDiagnosis, Optional.of(cost), recordedDate);
    }

    /** The row's values in {@link InputFile#ACTIVITY} header order. */
    List<String> values() {
        Map<String, String> byColumn = new HashMap<>();
        byColumn.put("source_system", SOURCE_SYSTEM);
        byColumn.put("source_record_id", sourceRecordId);
        byColumn.put("setting", setting.code());
        byColumn.put("nhs_number", person.nhsNumber());
        byColumn.put("local_person_id", person.localPersonId());
        byColumn.put("given_name", person.givenName());
        byColumn.put("family_name", person.familyName());
        byColumn.put("date_of_birth", person.dateOfBirth().map(LocalDate::toString).orElse(""));
        byColumn.put("sex", person.sex());
        byColumn.put("postcode", person.postcode());
        byColumn.put("provider_code", providerCode);
        byColumn.put("service_code", serviceCode);
        byColumn.put("point_of_delivery", pointOfDelivery);
        byColumn.put("start_date", startDate.toString());
        byColumn.put("end_date", endDate.map(LocalDate::toString).orElse(""));
        byColumn.put("units", units.toPlainString());
        byColumn.put("unit_type", unitType);
        byColumn.put("currency_code", currencyCode);
        byColumn.put("currency_type", currencyType);
        byColumn.put("primary_diagnosis", primaryDiagnosis);
        byColumn.put("local_cost", localCost.map(BigDecimal::toPlainString).orElse(""));
        byColumn.put("recorded_date", recordedDate.map(LocalDate::toString).orElse(""));
        return inHeaderOrder(InputFile.ACTIVITY, byColumn);
    }

    static List<String> inHeaderOrder(InputFile file, Map<String, String> byColumn) {
        List<String> names = file.columnNames();
        if (!byColumn.keySet().equals(new HashSet<>(names))) {
            // The format changed under this converter: fail loudly rather than shift columns.
            throw new IllegalStateException("FHIR import does not fill the " + file.baseName() + " columns " + names
                    + "; it fills " + byColumn.keySet());
        }
        return names.stream().map(byColumn::get).toList();
    }
}
