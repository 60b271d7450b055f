package dev.stevens.memory.dashboard;

import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives dashboard handlers a {@link Viewer} parameter: the household comes from the user's row on
 * every request, never from the request, so no id in a URL or form can reach another household.
 */
@Configuration(proxyBeanMethods = false)
class ViewerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final JdbcClient jdbc;

    ViewerResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Viewer.class);
    }

    @Override
    public Viewer resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("not logged in");
        }
        Viewer viewer =
                jdbc.sql(
                                "select household_id, username, role from dashboard_users"
                                        + " where username = :u")
                        .param("u", authentication.getName())
                        .query(
                                (rs, n) ->
                                        new Viewer(
                                                rs.getObject(1, UUID.class),
                                                rs.getString(2),
                                                rs.getString(3)))
                        .optional()
                        .orElseThrow(() -> new AccessDeniedException("account removed"));
        if (mav != null) {
            mav.addAttribute("viewer", viewer);
        }
        return viewer;
    }
}
