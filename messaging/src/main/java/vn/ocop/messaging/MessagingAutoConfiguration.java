package vn.ocop.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.deadletter.DeadLetterEndpoint;
import vn.ocop.messaging.deadletter.DeadLetters;
import vn.ocop.messaging.inbox.EventBatchHandler;
import vn.ocop.messaging.inbox.EventBatchStart;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.messaging.inbox.InboxDispatcher;
import vn.ocop.messaging.inbox.InboxErrorHandling;
import vn.ocop.messaging.inbox.InboxRetention;
import vn.ocop.messaging.inbox.IncomingEventHandler;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.messaging.outbox.OutboxMetrics;
import vn.ocop.messaging.outbox.OutboxRelay;
import vn.ocop.messaging.outbox.TopicProvisioner;

/** Wires the outbox, its relay and the inbox into every service that has this library. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    @Bean
    EventCodec eventCodec(JsonMapper jsonMapper) {
        return new EventCodec(jsonMapper);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, EventCodec codec, MessagingProperties properties) {
        return new Outbox(jdbc, codec, properties.serviceName());
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        return new OutboxMetrics(jdbc, meters);
    }

    /**
     * The producer of the relay and of dead letters, configured from the binder's settings
     * ({@code spring.cloud.stream.kafka.binder.*}) so there is one place to set the broker and
     * the producer's properties.
     */
    @Bean
    DefaultKafkaProducerFactory<byte[], byte[]> outboxProducerFactory(Environment environment,
            MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>();
        Binder binder = Binder.get(environment);
        Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
        binder.bind(BINDER + ".configuration", map).ifBound(config::putAll);
        binder.bind(BINDER + ".producer-properties", map).ifBound(config::putAll);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty(BINDER + ".brokers"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-outbox");
        return new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<byte[], byte[]> outboxKafkaTemplate(DefaultKafkaProducerFactory<byte[], byte[]> outboxProducerFactory) {
        return new KafkaTemplate<>(outboxProducerFactory);
    }

    @Bean(destroyMethod = "close")
    TopicProvisioner topicProvisioner(Environment environment) {
        return new TopicProvisioner(
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty(BINDER + ".brokers"))),
                environment.getProperty(BINDER + ".min-partition-count", Integer.class, 1));
    }

    @Bean
    @ConditionalOnProperty(name = "ocop.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, KafkaTemplate<byte[], byte[]> outboxKafkaTemplate,
            TopicProvisioner topicProvisioner, MessagingProperties properties, MeterRegistry meters) {
        return new OutboxRelay(dataSource, outboxKafkaTemplate, topicProvisioner, properties, meters);
    }

    /**
     * The container error handler of the {@code inbound} binding (named in the binding's
     * {@code common-error-handler-bean-name}), with the binding's own retry settings.
     */
    @Bean
    DefaultErrorHandler inboxErrorHandler(KafkaTemplate<byte[], byte[]> outboxKafkaTemplate,
            TopicProvisioner topicProvisioner, Environment environment, MessagingProperties properties) {
        String consumer = "spring.cloud.stream.bindings.inbound-in-0.consumer.";
        return InboxErrorHandling.create(outboxKafkaTemplate, topicProvisioner,
                environment.getProperty("spring.cloud.stream.bindings.inbound-in-0.group", properties.serviceName()),
                environment.getProperty(consumer + "max-attempts", Integer.class, 4),
                environment.getProperty(consumer + "back-off-initial-interval", Long.class, 200L),
                environment.getProperty(consumer + "back-off-multiplier", Double.class, 2.0),
                environment.getProperty(consumer + "back-off-max-interval", Long.class, 2000L));
    }

    @Bean
    DeadLetters deadLetters(Environment environment, MessagingProperties properties,
            InboxDispatcher inbound) {
        return new DeadLetters(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
                properties.serviceName(), inbound);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters) {
        return new DeadLetterEndpoint(deadLetters);
    }

    /**
     * Offsets are committed once a second ({@code ocop.messaging.inbox.offset-commit-interval}),
     * not after every poll, and without waiting for the broker's answer. The inbox makes a
     * redelivered record harmless, so a commit not yet made or lost to a crash costs duplicate
     * deliveries at most; committing after every poll cost the broker a write to its offsets log
     * per poll, and at a steady flow most polls hold one or two records.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> inboxContainerCustomizer(
            MessagingProperties properties) {
        long interval = properties.inbox().offsetCommitInterval().toMillis();
        return (container, destination, group) -> {
            ContainerProperties settings = container.getContainerProperties();
            settings.setSyncCommits(false);
            if (interval > 0) {
                settings.setAckMode(ContainerProperties.AckMode.TIME);
                settings.setAckTime(interval);
            }
        };
    }

    @Bean
    InboxRetention inboxRetention(JdbcTemplate jdbc, MessagingProperties properties, MeterRegistry meters) {
        return new InboxRetention(jdbc, properties, meters);
    }

    /** The consumer function every service binds as {@code inbound-in-0}. */
    @Bean
    InboxDispatcher inbound(ObjectProvider<EventHandler<?>> handlers, ObjectProvider<EventBatchHandler> batchHandlers,
            ObjectProvider<EventBatchStart> batchStarts, ObjectProvider<IncomingEventHandler> everyEventHandlers,
            EventCodec codec, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            MessagingProperties properties, MeterRegistry meters) {
        List<EventHandler<?>> typed = handlers.orderedStream().toList();
        List<EventBatchHandler> batched = batchHandlers.orderedStream().toList();
        List<EventBatchStart> starts = batchStarts.orderedStream().toList();
        List<IncomingEventHandler> every = everyEventHandlers.orderedStream().toList();
        return new InboxDispatcher(typed, batched, starts, every, codec, jdbc,
                new TransactionTemplate(transactionManager), properties.serviceName(), meters);
    }
}
