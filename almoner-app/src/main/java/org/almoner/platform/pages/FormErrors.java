package org.almoner.platform.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.almoner.platform.problems.PlatformException;

/**
 * The errors a form shows: in the error summary at the top, each linking to its input, and beside
 * the input itself. Keys are input ids, made from the field the platform named.
 */
final class FormErrors {

    private FormErrors() {}

    /** The error of a refusal, under the id of the input it names (or {@code form} when it names none). */
    static Map<String, String> of(PlatformException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(refusal.field().map(FormErrors::inputId).orElse("form"), refusal.getMessage());
        return errors;
    }

    /** The input id for a field path: {@code lines[0].unitCost} is {@code lines-0-unitCost}. */
    static String inputId(String field) {
        return field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * The error of a refusal on one of several forms of a page, whose inputs are named {@code prefix.field}:
     * a field the platform named without the prefix gets it, and a refusal naming none of the form's
     * {@code inputs} (the idempotency key, the state of the record) goes to the top of the page.
     */
    static Map<String, String> of(PlatformException refusal, String prefix, java.util.Set<String> inputs) {
        Map<String, String> errors = new LinkedHashMap<>();
        String field = refusal.field().map(named -> named.startsWith(prefix + ".") ? named.substring(prefix.length() + 1) : named)
                .filter(inputs::contains).orElse(null);
        String key = field == null ? "form" : inputId(prefix + "." + field);
        errors.put(key, refusal.getMessage());
        return errors;
    }
}
