package org.tongban.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.tongban.auth.AccessTokens;
import org.tongban.auth.AuthSettings;
import org.tongban.auth.LoginThrottledException;
import org.tongban.auth.PasswordLogin;

/**
 * Browsers: session login with CSRF protection. API clients: bearer tokens from {@code POST /api/v1/auth/tokens};
 * HTTP Basic only when enabled. CSRF is skipped only for requests proven by their own bearer (or Basic)
 * credentials, never merely for carrying an Authorization header. Object-level checks (whose case,
 * which department) live in the capabilities themselves. See docs/security.md.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Same-origin only. Swagger UI needs data: images and inline style attributes; no inline scripts run. Frames
     * may show blob: documents the page's own scripts made (the studio's licence template preview PDF).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; frame-src 'self' blob:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** One limiter for both chains, so a bearer header does not buy a second bucket. */
    private final RateLimitFilter rateLimits;

    SecurityConfig(ProblemWriter problems, RateLimitSettings limits, org.tongban.cluster.SharedBuckets shared) {
        this.rateLimits = new RateLimitFilter(limits, problems, shared);
    }

    /** Who may call what: the same rules for both chains. Object-level checks live in the capabilities. */
    private static void who(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(HttpMethod.GET, "/api/v1/items", "/api/v1/items/*", "/api/v1/items/*/form",
                        "/api/v1/items/*/process", "/api/v1/items/*/deadlines", "/api/v1/ratings/summary", "/api/v1/disclosure",
                        "/api/v1/progress", "/api/v1/departments", SessionController.ME).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/verification/*").permitAll()
                .requestMatchers(HttpMethod.POST, TokenController.PATH, SessionController.PATH, "/api/v1/verification/*/document").permitAll()
                // the web UI: built files and page loads of its client routes (data still needs login)
                .requestMatchers(HttpMethod.GET, "/index.html", "/assets/**", "/favicon.svg").permitAll()
                .requestMatchers(SpaFallback::isClientRoute).permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", HealthController.PATH).permitAll()
                .requestMatchers("/error", "/login", "/").permitAll()
                .anyRequest().authenticated();
    }

    /**
     * Requests carrying {@code Authorization: Bearer}: the token alone authenticates them (an invalid one is a
     * 401 at once), so this chain keeps no session, needs no CSRF token (a browser never adds the header on its
     * own) and skips the browser chain's session, CSRF cookie, request cache, login and logout filters — about
     * 5 % of an API request's CPU.
     */
    @Bean
    @Order(1)
    SecurityFilterChain bearerClients(HttpSecurity http, ProblemWriter problems, AccessTokens tokens) throws Exception {
        http.securityMatcher(BearerTokenFilter::presentsBearer)
                .authorizeHttpRequests(SecurityConfig::who)
                .addFilterAfter(rateLimits, HeaderWriterFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable());
        return common(http, problems).build();
    }

    /** Browsers (session login, CSRF), HTTP Basic when enabled, and anonymous callers. */
    @Bean
    @Order(2)
    SecurityFilterChain security(HttpSecurity http, ProblemWriter problems, AuthenticationManager passwords,
                                 AuthSettings settings, CsrfTokenRepository csrfTokens) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var formFailure = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authenticationManager(passwords)
                .authorizeHttpRequests(SecurityConfig::who)
                .addFilterAfter(rateLimits, HeaderWriterFilter.class)
                // The token request acts on no session: it needs the password, which a forged request lacks.
                // The web UI reads the token from the XSRF-TOKEN cookie and sends it as X-XSRF-TOKEN.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(BearerTokenFilter::authenticatedByHeader,
                        paths.matcher(HttpMethod.POST, TokenController.PATH),
                        // a licence check changes nothing and uses no session: a forged one gains nothing
                        paths.matcher(HttpMethod.POST, "/api/v1/verification/*/document")))
                .formLogin(form -> form.defaultSuccessUrl("/swagger-ui.html").failureHandler((request, response, e) -> {
                    if (e instanceof LoginThrottledException throttled) {
                        problems.tooManyRequests(request, response, "login-throttled", throttled.retryAfterSeconds());
                    } else {
                        formFailure.onAuthenticationFailure(request, response, e);
                    }
                }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (settings.basicAuthEnabled()) {
            http.addFilterBefore(new BasicLoginFilter(passwords, problems::unauthorized), CsrfFilter.class);
        }
        return common(http, problems).build();
    }

    private static HttpSecurity common(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // DENY unless the response set its own (only an inline material preview does: SAMEORIGIN)
                        .frameOptions(frames -> frames.disable())
                        .addHeaderWriter((request, response) -> {
                            if (!response.containsHeader("X-Frame-Options")) {
                                response.setHeader("X-Frame-Options", "DENY");
                            }
                        }))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(problems::unauthorized, request -> request.getRequestURI().startsWith("/api/"))
                        .accessDeniedHandler(problems::forbidden));
    }

    /** CSRF tokens in a cookie readable by the web UI's script (a session cookie, Lax, Secure over HTTPS). */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        var repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /** Every password check (token request, login form, Basic) goes through {@link PasswordLogin}. */
    @Bean
    AuthenticationManager authenticationManager(PasswordLogin passwordLogin) {
        return new ProviderManager(passwordLogin);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
