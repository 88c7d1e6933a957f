package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;
import org.almoner.engine.generator.IdentifierErrorRates;

/**
 * Generates one chunk of people and everything about them. A chunk's random stream depends only on
 * the seed and the chunk's number, so the output is the same whatever the number of threads.
 */
public final class ChunkGenerator {

    /** People a chunk holds; fixed, because it fixes how random streams are split. */
    public static final int CHUNK_SIZE = 5_000;

    private final long seed;
    private final PersonFactory factory;
    private final IdentifierErrorRates rates;

    public ChunkGenerator(long seed, NhsNumberPool nhsNumbers, IdentifierErrorRates rates) {
        this.seed = seed;
        this.factory = new PersonFactory(nhsNumbers);
        this.rates = rates;
    }

    /**
     * Generates people {@code chunk * CHUNK_SIZE} up to (not including) {@code min((chunk + 1) * CHUNK_SIZE, total)}
     * into {@code output}, which is emptied first; reusing outputs saves allocating and zeroing large buffers.
     */
    public ChunkOutput generate(long chunk, long totalPeople, ChunkOutput output) {
        long first = chunk * CHUNK_SIZE;
        int count = (int) Math.min(CHUNK_SIZE, totalPeople - first);
        SplittableRandom random = new SplittableRandom(Mixing.mix(Mixing.mix(seed) + chunk));
        output.clear(count);
        ActivityRows rows = new ActivityRows(output, new IdentityDistorter(rates, seed), random, seed, chunk);
        HospitalActivity hospital = new HospitalActivity();
        PrimaryCareActivity primaryCare = new PrimaryCareActivity();
        CommunityActivity community = new CommunityActivity();
        CareActivity care = new CareActivity();
        ClinicalRecord clinical = new ClinicalRecord();
        PeopleRows people = new PeopleRows();
        Person person = new Person();
        for (int i = 0; i < count; i++) {
            factory.fill(person, first + i, random);
            clinical.write(person, random, output);
            hospital.generate(person, random, rows);
            primaryCare.generate(person, random, rows);
            community.generate(person, random, rows);
            care.generate(person, random, rows);
            people.write(person, random, output);
        }
        return output;
    }
}
