package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests to move money "the same" for their idempotency key: the step asked for,
 * of which record, with which body and receipt. The API and the pages hash alike, so a key sent
 * twice from either moves the money once.
 */
@Component
public class RequestHashes {

    private final JsonMapper json;

    RequestHashes(JsonMapper json) {
        this.json = requireNonNull(json, "json is null");
    }

    /** The SHA-256, in hex, of the step, its record, the body as JSON and the receipt's bytes (when there is one). */
    public String of(String action, UUID target, Object body, Evidence evidence) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((action + "|" + target + "|" + json.writeValueAsString(body) + "|").getBytes(StandardCharsets.UTF_8));
            if (evidence != null) {
                sha256.update(evidence.content());
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
