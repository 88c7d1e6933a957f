package org.almoner.engine.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.identity.NhsNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {

    private static final PseudonymisationKey KEY_A = PseudonymisationKey.of("a".repeat(40), "test");
    private static final PseudonymisationKey KEY_B = PseudonymisationKey.of("b".repeat(40), "test");

    @Test
    void databaseComputesTheSamePseudonymsAsJava() throws SQLException {
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY_A);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            String nhsNumber = NhsNumber.randomTestNumber(random).value();
            expected.put(nhsNumber, pseudonymiser.pseudonym("nhs", nhsNumber));
        }
        expected.put("O'Brien, Siân", pseudonymiser.pseudonym("nhs", "O'Brien, Siân"));
        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ids (nhs_number VARCHAR)");
            for (String value : expected.keySet()) {
                statement.execute("INSERT INTO ids VALUES (" + DuckDb.literal(value) + ")");
            }
            statement.execute("INSERT INTO ids VALUES (NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT nhs_number, " + pseudonymiser.sqlExpression("nhs", "nhs_number")
                    + " FROM ids")) {
                int seen = 0;
                while (rows.next()) {
                    String value = rows.getString(1);
                    if (value == null) {
                        assertThat(rows.getString(2)).isNull();
                    } else {
                        assertThat(rows.getString(2)).as(value).isEqualTo(expected.get(value));
                    }
                    seen++;
                }
                assertThat(seen).isEqualTo(expected.size() + 1);
            }
        }
    }

    @Test
    void matchesTheHmacSha256Definition() throws Exception {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" gives 5bdcc146bf60754e...;
        // keys here must be 32+ characters, so the check is against the JDK's own HMAC instead.
        PseudonymisationKey key = PseudonymisationKey.of("Jefe".repeat(10), "test");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("Jefe".repeat(10).getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal("nhs:9990000018".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(new Pseudonymiser(key).pseudonym("nhs", "9990000018")).isEqualTo(expected.substring(0, 32));
    }

    @Test
    void differentKeysGiveUnlinkablePseudonyms() {
        Pseudonymiser underA = new Pseudonymiser(KEY_A);
        Pseudonymiser underB = new Pseudonymiser(KEY_B);
        SplittableRandom random = new SplittableRandom(11);
        java.util.Set<String> pseudonymsA = new java.util.HashSet<>();
        java.util.Set<String> pseudonymsB = new java.util.HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String nhsNumber = NhsNumber.randomTestNumber(random).value();
            pseudonymsA.add(underA.pseudonym("nhs", nhsNumber));
            pseudonymsB.add(underB.pseudonym("nhs", nhsNumber));
        }
        // No pseudonym under one key appears under the other, so the two sets cannot be joined.
        assertThat(pseudonymsA).doesNotContainAnyElementsOf(pseudonymsB);
        assertThat(underA.keyFingerprint()).isNotEqualTo(underB.keyFingerprint());
    }

    @Test
    void domainsKeepEqualTextApart() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY_A);
        assertThat(pseudonymiser.pseudonym("nhs", "12345")).isNotEqualTo(pseudonymiser.pseudonym("local", "12345"));
    }

    @Test
    void refusesShortKeysAndNamesWhereTheyCameFrom() {
        assertThatThrownBy(() -> PseudonymisationKey.of("too short", "the file k.key"))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.KEY_PROBLEM))
                .hasMessageContaining("the file k.key").hasMessageContaining("at least 32");
    }

    @Test
    void explainsHowToGiveAKeyWhenNoneIsGiven() {
        assertThatThrownBy(() -> PseudonymisationKey.fromFileOrEnvironment(null, Map.of()))
                .hasMessageContaining("--key-file").hasMessageContaining(PseudonymisationKey.ENVIRONMENT_VARIABLE);
    }

    @Test
    void readsKeyFromFileAndNeverShowsIt(@TempDir Path folder) throws Exception {
        String text = PseudonymisationKey.newKeyText(new SecureRandom());
        Path file = Files.writeString(folder.resolve("k.key"), text + "\n");
        PseudonymisationKey key = PseudonymisationKey.fromFileOrEnvironment(file, Map.of());
        assertThat(key).isEqualTo(PseudonymisationKey.of(text, "same"));
        assertThat(key.toString()).doesNotContain(text).contains(key.fingerprint());
        assertThat(text).hasSize(64).matches("[0-9a-f]+");
    }
}
