package org.almoner.engine.format;

import static org.almoner.engine.format.Column.optional;
import static org.almoner.engine.format.Column.required;
import static org.almoner.engine.format.ColumnType.CODE;
import static org.almoner.engine.format.ColumnType.DATE;
import static org.almoner.engine.format.ColumnType.DECIMAL;
import static org.almoner.engine.format.ColumnType.FLAG;
import static org.almoner.engine.format.ColumnType.INTEGER;
import static org.almoner.engine.format.ColumnType.MONEY;
import static org.almoner.engine.format.ColumnType.NHS_NUMBER;
import static org.almoner.engine.format.ColumnType.TEXT;

import java.util.List;
import java.util.Optional;

/**
 * The files of an input data set and their columns, in header order. An input folder holds
 * {@code people.csv}, {@code diagnoses.csv}, {@code condition_registers.csv} and any number of
 * activity files under {@code activity/}; each may be {@code .csv} or {@code .parquet}.
 */
public enum InputFile {

    /** The registered population: one row a person, the spine every source links to. */
    PEOPLE("people", List.of(
            required("person_id", TEXT, "The person's identifier in the registering system (for example the GP system's patient id); unique in the file"),
            optional("nhs_number", NHS_NUMBER, "NHS number; blank where the person has not been traced"),
            optional("given_name", TEXT, "Given name"),
            optional("family_name", TEXT, "Family name"),
            required("date_of_birth", DATE, "Date of birth"),
            required("sex", CODE, "Person gender code: 1 male, 2 female, 9 not specified, 0 not known (NHS Data Dictionary)"),
            optional("postcode", TEXT, "Postcode of usual address"),
            optional("ethnicity", CODE, "NHS ethnic category code A-H, J-N, P, R, S; Z not stated; 99 not known"),
            optional("deprivation_decile", INTEGER, "Index of Multiple Deprivation 2019 decile of the address, 1 most deprived to 10 least"),
            optional("gp_practice", TEXT, "ODS code of the registered GP practice; V81999 means not known"),
            optional("pcn", TEXT, "ODS code of the primary care network"),
            optional("chc", FLAG, "Eligible for NHS Continuing Healthcare"),
            optional("childrens_continuing_care", FLAG, "Eligible for children and young people's continuing care"),
            optional("section_117", FLAG, "Entitled to section 117 aftercare (Mental Health Act 1983)"),
            optional("wheelchair_service", FLAG, "Uses the wheelchair service (right to a personal wheelchair budget)"),
            optional("learning_disability_autism", FLAG, "Has a learning disability, autism or both"),
            optional("ehc_plan", FLAG, "Has an education, health and care plan"),
            optional("activation_score", DECIMAL, "Patient Activation Measure score, 0 to 100"),
            optional("activation_date", DATE, "Date the activation score was measured"),
            optional("date_of_death", DATE, "Date of death where the person has died"))),

    /** Diagnoses from any source, coded in ICD-10 or SNOMED CT. */
    DIAGNOSES("diagnoses", List.of(
            required("person_id", TEXT, "The person's identifier as in people.csv"),
            required("code_system", CODE, "ICD10 or SNOMED"),
            required("code", TEXT, "The diagnosis code; ICD-10 without the dot (E119) or a SNOMED CT concept id"),
            optional("recorded_date", DATE, "Date the diagnosis was recorded"))),

    /** Membership of the GP condition registers (QOF), one row a person and register. */
    CONDITION_REGISTERS("condition_registers", List.of(
            required("person_id", TEXT, "The person's identifier as in people.csv"),
            required("register", CODE, "QOF register code, for example AF, AST, CHD, CKD, COPD, DEM, DM, EP, HF, HYP, LD, MH, OST, PAD, RA, STIA, CAN, DEP"),
            optional("added_date", DATE, "Date the person joined the register"))),

    /**
     * Person-level activity in any setting. Each row carries the person's identifiers as the source
     * holds them: sources such as social care and VCSE organisations often hold no NHS number.
     */
    ACTIVITY("activity", List.of(
            required("source_system", TEXT, "The system the row comes from, for example SUS_APC or LA_SOCIAL_CARE"),
            required("source_record_id", TEXT, "The row's identifier in that system; unique within source_system"),
            required("setting", CODE, "One of: admitted_patient_care, outpatients, a_and_e, community, mental_health, primary_care, prescribing, social_care, continuing_healthcare, vcse, education"),
            optional("nhs_number", NHS_NUMBER, "NHS number where the source holds one"),
            optional("local_person_id", TEXT, "The source's own identifier for the person"),
            optional("given_name", TEXT, "Given name as the source holds it"),
            optional("family_name", TEXT, "Family name as the source holds it"),
            optional("date_of_birth", DATE, "Date of birth as the source holds it"),
            optional("sex", CODE, "Person gender code: 1 male, 2 female, 9 not specified, 0 not known"),
            optional("postcode", TEXT, "Postcode as the source holds it"),
            required("provider_code", TEXT, "ODS code (or local code) of the provider; see reference providers.csv"),
            required("service_code", TEXT, "Service: treatment function code, service type or local service code"),
            optional("point_of_delivery", CODE, "EL elective, NEL non-elective, DC day case, OPFA outpatient first, OPFU outpatient follow-up, AE emergency care; blank elsewhere"),
            required("start_date", DATE, "Date the activity started (admission, attendance, contact, package start)"),
            optional("end_date", DATE, "Date it ended (discharge, package end); not before start_date"),
            required("units", DECIMAL, "How many units, greater than zero"),
            required("unit_type", CODE, "spell, bed_day, attendance, contact, cluster_day, consultation, item, hour, day, week, session or year"),
            optional("currency_code", TEXT, "The currency the activity is priced in: HRG code, mental health cluster (MHCC01-MHCC21), service type or BNF code"),
            optional("currency_type", CODE, "HRG, MH_CLUSTER, SERVICE, BNF or blank"),
            optional("primary_diagnosis", TEXT, "Primary diagnosis, ICD-10 without the dot"),
            optional("local_cost", MONEY, "The cost the source records for the whole row, in pounds, where it has one"),
            optional("recorded_date", DATE, "Date the row entered the source system, for the timeliness check")));

    private final String baseName;
    private final List<Column> columns;

    InputFile(String baseName, List<Column> columns) {
        this.baseName = baseName;
        this.columns = List.copyOf(columns);
    }

    /** The file name without extension ({@code people}); activity files live under {@code activity/}. */
    public String baseName() {
        return baseName;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }
}
