package org.newsroom.publish.messaging;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead-lettering of the enriched records, in the listener container instead of the
 * binding, because one kind of failure must never reach the dead-letter topic: the store being
 * unavailable. Such a record is retried, with a back-off of at most {@code maxStoreBackOff}, for as
 * long as the outage lasts; its offset is not committed meanwhile, so the partition waits for the
 * store. The container's error handler seeks back between attempts rather than sleeping through
 * them in one poll, so a long outage does not get the consumer thrown out of its group. Every other
 * failure gets the binding's retries, then goes to the dead-letter topic with the same headers the
 * binder would have written ({@code x-original-*}, {@code x-exception-*}); an unreadable record goes
 * there at once. The dead-letter producer marks them {@code x-newsroom-stage}: {@value #STAGE}
 * ({@link org.newsroom.contract.DeadLetterStage}).
 */
class StoreRetries implements ListenerContainerWithDlqAndRetryCustomizer {

    static final String STAGE = "publish";

    private final KafkaTemplate<byte[], byte[]> deadLetters;

    private final Duration maxStoreBackOff;

    StoreRetries(KafkaTemplate<byte[], byte[]> deadLetters, Duration maxStoreBackOff) {
        this.deadLetters = deadLetters;
        this.maxStoreBackOff = maxStoreBackOff;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = dlqDestinationResolver == null
                ? new DeadLetterPublishingRecoverer(deadLetters)
                : new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver);
        recoverer.setHeaderNamesSupplier(StoreRetries::binderHeaderNames);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer,
                backOff != null ? backOff : new FixedBackOff(0, 0));
        errorHandler.setBackOffFunction((record, failure) -> StoreUnavailableException.causedListenerFailure(failure)
                ? untilTheStoreIsBack() : null);
        errorHandler.addNotRetryableExceptions(UnreadableRecordException.class);
        container.setCommonErrorHandler(errorHandler);
    }

    private BackOff untilTheStoreIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(maxStoreBackOff.toMillis());
        return backOff;
    }

    /** The names the binder gives these headers, so that a dead letter reads the same either way. */
    private static HeaderNames binderHeaderNames() {
        return new HeaderNames.Builder()
                .original()
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }
}
