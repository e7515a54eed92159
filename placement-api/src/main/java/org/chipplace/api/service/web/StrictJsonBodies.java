package org.chipplace.api.service.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Strict JSON request bodies: an unknown field ({@code {"macroplacer":"greedy","sed":4}}) is a 400 that
 * names it ({@link ProblemHandler}) instead of a job run with defaults. Only the HTTP message converter's
 * mapper fails on unknown fields; the application's {@code ObjectMapper} bean, which also reads stored
 * job options back, stays as Spring Boot configures it.
 */
@Configuration
public class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> c : converters) {
            if (c instanceof MappingJackson2HttpMessageConverter j) {
                j.setObjectMapper(j.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            }
        }
    }
}
