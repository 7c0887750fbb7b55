package org.newsroom.enrich.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.sun.management.OperatingSystemMXBean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contract.ArticleEvent;
import org.newsroom.contract.Topics;
import org.newsroom.enrich.EnrichApplication;
import org.newsroom.enrich.enrichment.ArticleEnricher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * The service's throughput against its own engine, in one JVM: enrich-service runs in-process on a
 * local broker with its real bindings and archive follower; after a warm-up batch, N articles are
 * published in four batches, each at once, and the time from the first sent to the last enriched
 * record received gives the service's articles per second. After each batch the service's own
 * {@link ArticleEnricher} bean enriches the same articles on one thread ("enrichment alone",
 * against the archive the service built, with a JIT a little warmer than the service had: the
 * ratio errs against the service). Process CPU includes the in-process broker's.
 *
 * <p>Arguments: the number of articles, then Spring properties as {@code key=value} that change the
 * service (e.g. {@code spring.cloud.stream.bindings.enrichArticle-in-0.consumer.concurrency=2}).
 * How to run it: see the module's README, "Service measurements".
 */
public final class ServiceThroughputMeasurement {

    private static final int WARM_UP = 60;
    private static final int ROUNDS = 4;
    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceThroughputMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            overrides.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        List<ArticleEvent> all = NewswireArticles.generate(WARM_UP + count, NewswireArticles.SEED);
        List<ArticleEvent> warmUp = all.subList(0, WARM_UP);
        List<ArticleEvent> measured = all.subList(WARM_UP, all.size());
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.ARTICLES.partitions());
        broker.afterPropertiesSet();
        Map<String, Object> properties = new LinkedHashMap<>(Map.of(
                "spring.kafka.bootstrap-servers", broker.getBrokersAsString(),
                "server.port", "0",
                "newsroom.enrich.archive.directory", Files.createTempDirectory("enrich-throughput-").toString(),
                "logging.level.root", "warn"));
        properties.putAll(overrides);
        // As command-line arguments, which win over application.yml (builder properties would not).
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EnrichApplication.class)
                .run(arguments);
                Producer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                        broker.getBrokersAsString(), "acks", "all", "linger.ms", 5), new StringSerializer(),
                        new StringSerializer());
                KafkaConsumer<String, String> enriched = new KafkaConsumer<>(Map.of("bootstrap.servers",
                        broker.getBrokersAsString(), ConsumerConfig.GROUP_ID_CONFIG, "throughput-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                        new StringDeserializer())) {
            HealthIndicator archive = service.getBean("archiveHealthIndicator", HealthIndicator.class);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!archive.health().getStatus().equals(Status.UP)) {
                check(deadline);
                Thread.sleep(100);
            }
            enriched.subscribe(List.of(Topics.ENRICHED.name()));
            publish(producer, warmUp);
            awaitEnriched(enriched, warmUp, deadline);

            // Service and enrichment alone take turns on batches of the articles, so that a host
            // whose speed changes from minute to minute (a shared one) slows both alike.
            ArticleEnricher enricher = service.getBean(ArticleEnricher.class);
            int batch = (count + ROUNDS - 1) / ROUNDS;
            double serviceSeconds = 0;
            double serviceCpu = 0;
            double aloneSeconds = 0;
            double aloneCpu = 0;
            int sink = 0;
            for (int from = 0; from < count; from += batch) {
                List<ArticleEvent> round = measured.subList(from, Math.min(count, from + batch));
                long cpuBefore = processCpuNanos();
                long begin = System.nanoTime();
                publish(producer, round);
                awaitEnriched(enriched, round, deadline);
                double roundService = (System.nanoTime() - begin) / 1e9;
                serviceSeconds += roundService;
                serviceCpu += (processCpuNanos() - cpuBefore) / 1e9;

                cpuBefore = processCpuNanos();
                begin = System.nanoTime();
                for (ArticleEvent article : round) {
                    sink += enricher.enrich(article).enrichment().entities().size();
                }
                double roundAlone = (System.nanoTime() - begin) / 1e9;
                aloneSeconds += roundAlone;
                aloneCpu += (processCpuNanos() - cpuBefore) / 1e9;
                System.out.printf(Locale.ROOT, "round of %d: service %.2f articles/s, alone %.2f articles/s, ratio %.2f%n",
                        round.size(), round.size() / roundService, round.size() / roundAlone, roundAlone / roundService);
            }

            double serviceRate = count / serviceSeconds;
            double aloneRate = count / aloneSeconds;
            System.out.printf(Locale.ROOT, "overrides            %s%n", overrides);
            System.out.printf(Locale.ROOT, "service              %.2f articles/s (%d in %.1f s, process CPU %.0f ms/article)%n",
                    serviceRate, count, serviceSeconds, serviceCpu * 1000 / count);
            System.out.printf(Locale.ROOT, "enrichment alone     %.2f articles/s (%d in %.1f s, process CPU %.0f ms/article; %d entities)%n",
                    aloneRate, count, aloneSeconds, aloneCpu * 1000 / count, sink);
            System.out.printf(Locale.ROOT, "ratio service/alone  %.2f%n", serviceRate / aloneRate);
        }
        finally {
            broker.destroy();
        }
    }

    private static void publish(Producer<String, String> producer, List<ArticleEvent> articles) {
        for (ArticleEvent article : articles) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.uri(), JSON.writeValueAsString(article)));
        }
        producer.flush();
    }

    private static void awaitEnriched(KafkaConsumer<String, String> enriched, List<ArticleEvent> articles,
            long deadline) {
        Set<String> waiting = new HashSet<>(articles.stream().map(ArticleEvent::uri).toList());
        while (!waiting.isEmpty()) {
            check(deadline);
            enriched.poll(Duration.ofMillis(100)).forEach(record -> waiting.remove(record.key()));
        }
    }

    private static void check(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the service did not finish within " + LIMIT);
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
