package org.newsroom.enrich;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** enrich-service: consumes accepted articles, adds named entities, produces enriched articles. */
@SpringBootApplication
public class EnrichApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrichApplication.class, args);
    }
}
