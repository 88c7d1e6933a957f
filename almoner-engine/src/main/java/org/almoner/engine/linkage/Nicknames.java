package org.almoner.engine.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The nickname table (nicknames.csv; its source is cited in nicknames.md beside it). */
final class Nicknames {

    private Nicknames() {
    }

    /** Pairs of nickname and given name, lower case letters only. */
    static List<String[]> pairs() {
        try (InputStream in = Nicknames.class.getResourceAsStream("nicknames.csv")) {
            if (in == null) {
                throw new IllegalStateException("nicknames.csv is missing beside " + Nicknames.class.getName());
            }
            List<String[]> pairs = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.strip().split(",");
                if (parts.length == 2 && parts[0].matches("[a-z]+") && parts[1].matches("[a-z]+")) {
                    pairs.add(new String[] {parts[0], parts[1]});
                }
            }
            return pairs;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read nicknames.csv", e);
        }
    }
}
