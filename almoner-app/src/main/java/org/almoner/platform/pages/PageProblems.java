package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals and failures on a page become a page in the service's design, not the API's JSON:
 * what happened and what to do, with the header still there to go somewhere else.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final PageModel model;

    PageProblems(PageModel model) {
        this.model = requireNonNull(model, "model is null");
    }

    @ExceptionHandler(PlatformException.class)
    ModelAndView refused(PlatformException refusal, HttpServletRequest request) {
        String title = switch (refusal.code()) {
            case ACCESS_DENIED -> "You cannot open this page";
            case ACCESS_REASON_REQUIRED -> "This person is not in your caseload";
            case SIGN_IN_REQUIRED -> "Sign in to continue";
            default -> refusal.code().status() == 404 ? "Page not found" : "This could not be done";
        };
        ModelAndView page = page(request, HttpStatus.valueOf(refusal.code().status()), title, refusal.getMessage());
        page.addObject("reasonRequired", refusal.code() == PlatformErrorCode.ACCESS_REASON_REQUIRED);
        return page;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badAddress(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
        return page(request, HttpStatus.NOT_FOUND, "Page not found", "Check the address: '" + mismatch.getValue() + "' is not a record of Almoner.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletRequest request) {
        // Our fault, not the user's: the detail goes to the log under a reference they can quote.
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure on page {}, reference {}", request.getRequestURI(), reference, failure);
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "Sorry, there is a problem with the service",
                "Nothing was changed. Try again later, and if it happens again quote reference " + reference + " to support.");
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("pages/problem", status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("reasonRequired", false);
        page.addObject("requestPath", request.getRequestURI());
        page.addObject("format", model.format());
        page.addObject("signedIn", model.signedIn());
        page.addObject("navigation", model.navigation(request));
        return page;
    }
}
