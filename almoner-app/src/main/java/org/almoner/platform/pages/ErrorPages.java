package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages for answers the server gives before any page's controller runs (a form so big the server stopped reading it:
 * 413), with the same header as every other page: who is signed in and the links their role can open.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private final PageModel pageModel;

    ErrorPages(PageModel pageModel) {
        this.pageModel = requireNonNull(pageModel, "pageModel is null");
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status != HttpStatus.CONTENT_TOO_LARGE) {
            return null;
        }
        Map<String, Object> page = new HashMap<>(model);
        page.put("format", pageModel.format());
        PageModel.SignedIn signedIn = pageModel.signedIn();
        if (signedIn != null) {
            page.put("signedIn", signedIn);
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        page.put("navigation", pageModel.navigationFor(path == null ? request.getRequestURI() : path.toString()));
        return new ModelAndView("error/413", page, status);
    }
}
