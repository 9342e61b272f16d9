package org.tongban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web UI routes in the browser (history mode): a page load of a client route such as {@code /items/X/guide}
 * gets {@code index.html}. Only GETs that ask for HTML, outside the server's own paths (API, OpenAPI, Swagger UI,
 * actuator, form login and logout, errors, built assets) and without a file extension.
 */
@Component
class SpaFallback extends OncePerRequestFilter {

    static final List<String> SERVER_PATHS = List.of("/api", "/v3", "/swagger-ui", "/actuator", "/login", "/logout",
            "/error", "/assets");

    /** Also the security rule: these page loads are public (the pages' data is not). */
    static boolean isClientRoute(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            return false; // the welcome page (index.html) already
        }
        for (String server : SERVER_PATHS) {
            if (path.equals(server) || path.startsWith(server + "/") || path.startsWith(server + ".")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isClientRoute(request)) {
            request.getRequestDispatcher("/index.html").forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
