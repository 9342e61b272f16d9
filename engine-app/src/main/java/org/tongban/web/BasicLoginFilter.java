package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic for scripts, only with {@code tongban.security.basic-auth-enabled=true}. It runs before the
 * CSRF check so that a request whose own Basic credentials were valid is exempt, like a bearer request;
 * browsers never hold Basic credentials for us because no response ever challenges with Basic.
 */
class BasicLoginFilter extends BasicAuthenticationFilter {

    BasicLoginFilter(AuthenticationManager manager, AuthenticationEntryPoint entryPoint) {
        super(manager, entryPoint);
    }

    @Override
    protected void onSuccessfulAuthentication(HttpServletRequest request, HttpServletResponse response, Authentication result) {
        request.setAttribute(BearerTokenFilter.AUTHENTICATED_BY_HEADER, Boolean.TRUE);
    }
}
