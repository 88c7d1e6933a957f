package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/**
 * Writes activity rows for one chunk: the row as the source holds it, and its ground truth. Record
 * ids are a bijective scramble of (seed, chunk, sequence), so they are unique within a source but
 * say nothing about who the row belongs to.
 */
final class ActivityRows {

    /** One activity row's content, filled in by the setting models and written by {@link #write}. */
    static final class Row {
        String provider;
        String service;
        String pointOfDelivery;
        int start;
        int end = -1;
        long unitsHundredths = 100;
        String unitType;
        String currencyCode;
        String currencyType;
        String diagnosis;
        long costPence = -1;

        Row set(String provider, String service, String pointOfDelivery, String unitType, String currencyType,
                String currencyCode) {
            this.provider = provider;
            this.service = service;
            this.pointOfDelivery = pointOfDelivery;
            this.unitType = unitType;
            this.currencyType = currencyType;
            this.currencyCode = currencyCode;
            this.diagnosis = null;
            this.costPence = -1;
            this.unitsHundredths = 100;
            this.end = -1;
            return this;
        }

        Row days(int start, int end) {
            this.start = start;
            this.end = end;
            return this;
        }
    }

    private final ChunkOutput output;
    private final IdentityDistorter distorter;
    private final SplittableRandom random;
    private final long recordSalt;
    private final int[] sequence = new int[SourceSystem.values().length];
    private final byte[][] sourceNames;
    private final byte[][] settingCodes;
    private final Row row = new Row();

    ActivityRows(ChunkOutput output, IdentityDistorter distorter, SplittableRandom random, long seed, long chunk) {
        this.output = output;
        this.distorter = distorter;
        this.random = random;
        this.recordSalt = Mixing.mix(seed) ^ (chunk << 32);
        SourceSystem[] sources = SourceSystem.values();
        sourceNames = new byte[sources.length][];
        settingCodes = new byte[sources.length][];
        for (SourceSystem source : sources) {
            sourceNames[source.ordinal()] = ascii(source.name());
            settingCodes[source.ordinal()] = ascii(source.setting().code());
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The reusable row to fill in; valid until the next {@link #write}. */
    Row row() {
        return row;
    }

    void write(Person person, SourceSystem source) {
        int ordinal = source.ordinal();
        String recordId = Mixing.identifier(source.recordPrefix(), recordSalt ^ ((long) ordinal << 56) ^ sequence[ordinal]++);
        SourceIdentity identity = distorter.identity(person, source, random);
        String nhsNumber = source.nhs() ? distorter.nhsNumberOnRow(identity, random) : identity.nhsNumber();
        int recordedFrom = row.end >= 0 ? row.end : row.start;
        ByteSink sink = output.activity(source);
        sink.bytes(sourceNames[ordinal]).text(recordId).bytes(settingCodes[ordinal]).text(nhsNumber)
                .text(identity.localPersonId()).text(identity.givenName()).text(identity.familyName());
        if (identity.dateOfBirth() == SourceIdentity.MISSING_DATE) {
            sink.blank();
        } else {
            sink.bytes(Dates.iso(identity.dateOfBirth()));
        }
        sink.text(identity.sex()).text(identity.postcode()).text(row.provider).text(row.service)
                .text(row.pointOfDelivery).bytes(Dates.iso(row.start));
        if (row.end >= 0) {
            sink.bytes(Dates.iso(row.end));
        } else {
            sink.blank();
        }
        sink.hundredths(row.unitsHundredths).text(row.unitType).text(row.currencyCode).text(row.currencyType)
                .text(row.diagnosis);
        if (row.costPence >= 0) {
            sink.pence(row.costPence);
        } else {
            sink.blank();
        }
        sink.bytes(Dates.iso(recordedFrom + recordingLag(source)));
        sink.endRow();
        output.identities().bytes(sourceNames[ordinal]).text(recordId).text(person.personId).endRow();
    }

    private int recordingLag(SourceSystem source) {
        if (source == SourceSystem.LA_SOCIAL_CARE && random.nextDouble() < 0.6) {
            // Councils often key care packages in weeks or months after they start.
            return 60 + random.nextInt(61);
        }
        return random.nextInt(source.maximumRecordingLagDays() + 1);
    }
}
