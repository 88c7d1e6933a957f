package org.almoner.platform.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.almoner.platform.people.PersonAccess;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser cannot send the access reason header, so a page takes the reason from the form on the
 * "not in your caseload" page ({@code accessReason}) and hands it on as that header: the same rule
 * then allows the access and flags it in the audit trail. Only pages take it; the API keeps the header.
 */
@Component
class AccessReasons extends OncePerRequestFilter {

    static final String PARAMETER = "accessReason";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/") || request.getParameter(PARAMETER) == null
                || request.getParameter(PARAMETER).isBlank();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String reason = request.getParameter(PARAMETER).strip();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return PersonAccess.REASON_HEADER.equalsIgnoreCase(name) ? reason : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return PersonAccess.REASON_HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(reason))
                        : super.getHeaders(name);
            }
        }, response);
    }
}
