package org.almoner.platform.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become RFC 9457 problem details. Each problem carries the stable
 * {@code code}, and for bad input the {@code field} at fault, so a client can show the message
 * beside the right box.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(PlatformException.class)
    ResponseEntity<ProblemDetail> refused(PlatformException refusal) {
        return ResponseEntity.status(refusal.code().status()).body(problem(refusal.code(), refusal.getMessage(), refusal.field().orElse(null)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathOrParameter(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "a valid value" : describe(mismatch.getRequiredType());
        return ResponseEntity.badRequest().body(problem(PlatformErrorCode.INVALID_REQUEST,
                "'" + mismatch.getValue() + "' is not " + expected + ". Check the " + mismatch.getName() + " in the address.",
                mismatch.getName()));
    }

    @ExceptionHandler(org.springframework.jdbc.CannotGetJdbcConnectionException.class)
    ResponseEntity<ProblemDetail> busy(org.springframework.jdbc.CannotGetJdbcConnectionException busy) {
        return ResponseEntity.status(503).header("Retry-After", "1").body(problem(PlatformErrorCode.BUSY,
                "The database is at capacity. Nothing was done; send the same request again in a second.", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        // A fault of ours, not the caller's: keep the detail in the log under a reference they can quote.
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed. Quote reference " + reference + " to support.");
        problem.setTitle("Internal error");
        problem.setProperty("code", "INTERNAL_ERROR");
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PlatformException refusal = causeOfType(unreadable, PlatformException.class);
        JacksonException json = causeOfType(unreadable, JacksonException.class);
        String path = json == null ? null : path(json.getPath());
        if (refusal != null) {
            String field = join(path, refusal.field().orElse(null));
            return ResponseEntity.status(refusal.code().status()).body(problem(refusal.code(), refusal.getMessage(), field));
        }
        if (json == null) {
            return ResponseEntity.badRequest().body(problem(PlatformErrorCode.UNREADABLE_REQUEST,
                    "The request has no body or it is not JSON. Send a JSON document with Content-Type application/json.", null));
        }
        return ResponseEntity.badRequest().body(problem(PlatformErrorCode.UNREADABLE_REQUEST, explain(json, path), path));
    }

    /** Says what is wrong with the JSON in words a user of the API can act on, without Java's type names. */
    static String explain(JacksonException json, String path) {
        String where = path == null || path.isEmpty() ? "the request body" : "'" + path + "'";
        if (json instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a field of " + (path == null || path.isEmpty() || path.equals(unknown.getPropertyName())
                    ? "this request" : where) + ". Known fields: " + unknown.getKnownPropertyIds() + ". Check the spelling.";
        }
        if (json instanceof InvalidFormatException invalid) {
            return "The value '" + invalid.getValue() + "' at " + where + " is not " + describe(invalid.getTargetType()) + ".";
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "The value at " + where + " should be " + describe(mismatch.getTargetType()) + ".";
        }
        if (json instanceof StreamReadException syntax) {
            TokenStreamLocation location = syntax.getLocation();
            String at = location == null || location.getLineNr() < 0 ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return "The request body is not valid JSON" + at + ": " + plain(syntax.getOriginalMessage()) + ".";
        }
        return "The value at " + where + " could not be read: " + plain(json.getOriginalMessage()) + ". Check its type and spelling.";
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(PlatformErrorCode.INVALID_REQUEST, detail, errors.isEmpty() ? null : errors.getFirst().get("field"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(failure, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", HttpStatus.valueOf(statusCode.value()).name());
        }
        return response;
    }

    static ProblemDetail problem(PlatformErrorCode code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setTitle(code.title());
        problem.setType(URI.create("https://almoner.org/problems/" + code.name().toLowerCase().replace('_', '-')));
        problem.setProperty("code", code.name());
        if (field != null && !field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String field) {
        if (path == null || path.isEmpty()) {
            return field;
        }
        if (field == null || field.isEmpty() || path.endsWith(field)) {
            return path;
        }
        return path + "." + field;
    }

    private static String describe(Class<?> type) {
        if (type == UUID.class) {
            return "a valid identifier (a UUID such as 3f0e2c9a-5b7d-4c1e-9a8f-2d6b1e4c7a90)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        if (type == java.math.BigDecimal.class) {
            return "an amount or number such as 1234.50";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        return "an object { ... }";
    }

    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson names Java types and its own sources; our users know only the JSON they sent.
        int cut = message.indexOf('\n');
        String firstLine = cut < 0 ? message : message.substring(0, cut);
        return firstLine.replaceAll("\\(start marker at \\[Source.*", "")
                .replaceAll("`[a-zA-Z0-9_.$]+`", "the expected type")
                .replaceAll("\\s+", " ").trim();
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
