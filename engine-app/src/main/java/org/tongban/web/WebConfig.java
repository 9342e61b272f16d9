package org.tongban.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.tongban.identity.Actor;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Language (zh-CN unless the client asks for English), the signed-in {@code Actor} argument, the OpenAPI description. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static {
        // The signed-in user is no request parameter: keep it out of the OpenAPI description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    OpenAPI tongbanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tongban (通办) API").version("v1")
                        .description("Government administrative approval: catalogue, applications, approver tasks, "
                                + "designer deployment, e-licences. Errors are RFC 7807 problem JSON (zh-CN / en).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token from POST /api/v1/auth/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
