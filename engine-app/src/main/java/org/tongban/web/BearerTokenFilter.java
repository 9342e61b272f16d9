package org.tongban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.auth.AccessTokens;

/**
 * {@code Authorization: Bearer <token>}: a valid token authenticates the request (no BCrypt, no session)
 * and marks it as authenticated by a header, which is what exempts it from CSRF. A presented token that
 * is not valid is refused with 401; the request never falls back to a session cookie.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute: this request proved itself with credentials a browser never sends on its own. */
    static final String AUTHENTICATED_BY_HEADER = BearerTokenFilter.class.getName() + ".AUTHENTICATED_BY_HEADER";
    private static final String SCHEME = "Bearer ";

    private final AccessTokens tokens;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(AccessTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    /** Whether the request presents a bearer token (valid or not): it then goes through the bearer chain. */
    static boolean presentsBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    static boolean authenticatedByHeader(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED_BY_HEADER));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        var authentication = tokens.authenticate(header.substring(SCHEME.length()).strip());
        if (authentication.isEmpty()) {
            problems.invalidToken(request, response);
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        request.setAttribute(AUTHENTICATED_BY_HEADER, Boolean.TRUE);
        chain.doFilter(request, response);
    }
}
