package org.newsroom.ingest.status;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsroom.contract.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics the status is read from, declared here too, like every topic a service touches, so that start order does not matter. */
@Configuration(proxyBeanMethods = false)
class DownstreamTopics {

    @Bean
    NewTopic enrichedTopic() {
        return Topics.ENRICHED.toNewTopic();
    }

    @Bean
    NewTopic publishedTopic() {
        return Topics.PUBLISHED.toNewTopic();
    }
}
