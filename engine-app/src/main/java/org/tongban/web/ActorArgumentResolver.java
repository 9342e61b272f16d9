package org.tongban.web;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.tongban.identity.Actor;
import org.tongban.identity.TongbanUser;

/**
 * Gives a controller's {@link Actor} parameter the signed-in user (null when anonymous, which the security
 * rules keep from every endpoint that takes one). Replaces {@code @AuthenticationPrincipal(expression = "actor()")},
 * whose resolver parses the SpEL expression again on every request (2 % of a request's CPU, measured).
 */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                 WebDataBinderFactory binders) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof TongbanUser user ? user.actor() : null;
    }
}
