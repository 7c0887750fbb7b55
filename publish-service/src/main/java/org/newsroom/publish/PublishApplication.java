package org.newsroom.publish;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stores enriched articles in MongoDB and serves them, live, as Server-Sent Events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublishApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublishApplication.class, args);
    }
}
