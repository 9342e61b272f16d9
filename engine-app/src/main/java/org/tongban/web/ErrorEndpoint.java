package org.tongban.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page (replaces Spring Boot's BasicErrorController): errors raised outside Spring MVC
 * (the security firewall, filters, {@code sendError}) become problem JSON. A direct visit to {@code /error} is
 * an unknown resource, not a 500.
 */
@Controller
class ErrorEndpoint implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);
    private final ProblemWriter problems;

    ErrorEndpoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = forwarded instanceof Integer code && code >= 400 ? code : 404;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : request.getRequestURI();
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
            log.error("Unhandled error on {} {}", request.getMethod(), path, error);
        }
        problems.write(response, path, problems.problem(status, ProblemWriter.codeFor(status), List.of(), List.of()));
    }
}
