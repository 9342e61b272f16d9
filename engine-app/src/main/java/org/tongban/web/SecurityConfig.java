package org.tongban.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Browser: session login with CSRF protection. API clients: HTTP Basic; a request that carries its own
 * Authorization header is not driven by a cookie, so CSRF does not apply to it. Object-level checks
 * (whose case, which department) live in the capabilities themselves.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain security(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/items", "/api/v1/items/*", "/api/v1/progress").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health").permitAll()
                        .requestMatchers("/error", "/login", "/").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .formLogin(form -> form.defaultSuccessUrl("/swagger-ui.html"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(problems::unauthorized, request -> request.getRequestURI().startsWith("/api/"))
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
