package org.newsroom.ingest.story.web;

import org.newsroom.ingest.IngestProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Lets the decoders buffer a request as large as the configured limit; beyond it WebFlux answers
 * 413. The limit also bounds the raw body bytes that are read for signature checking, in every
 * format. The framework default (256 KiB) is far below the largest body a story may have.
 */
@Configuration(proxyBeanMethods = false)
class StoryRequestLimits implements WebFluxConfigurer {

    private final IngestProperties properties;

    StoryRequestLimits(IngestProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize(Math.toIntExact(properties.maxRequestSize().toBytes()));
    }
}
