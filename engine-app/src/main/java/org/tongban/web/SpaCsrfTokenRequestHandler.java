package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * CSRF for the single-page app, as in the Spring Security reference ("Single-Page Applications"): the SPA
 * reads the raw token from the {@code XSRF-TOKEN} cookie and sends it in {@code X-XSRF-TOKEN}; server-rendered
 * forms (the {@code /login} page) keep the BREACH-safe masked token in their {@code _csrf} field.
 */
final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        // masked value for rendered pages (the /login form loads the token itself)
        xor.handle(request, response, csrfToken);
        // The web UI asks GET /me when it starts: that answer carries the cookie. Other requests leave the token
        // deferred, so API clients and public lookups get no cookie (and cost no token) unless they need one.
        if ("GET".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + SessionController.ME)) {
            csrfToken.get();
        }
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String header = request.getHeader(csrfToken.getHeaderName());
        return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
}
