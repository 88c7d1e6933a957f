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
}
