package vn.ocop.messaging;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.deadletter.DeadLetterEndpoint;
import vn.ocop.messaging.deadletter.DeadLetters;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.messaging.inbox.InboxDispatcher;
import vn.ocop.messaging.inbox.IncomingEventHandler;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.messaging.outbox.OutboxMetrics;
import vn.ocop.messaging.outbox.OutboxRelay;

/** Wires the outbox, its relay and the inbox into every service that has this library. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

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

    @Bean
    @ConditionalOnProperty(name = "ocop.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, StreamBridge streamBridge, MessagingProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(dataSource, streamBridge, properties, meters);
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

    /** The consumer function every service binds as {@code inbound-in-0}. */
    @Bean
    InboxDispatcher inbound(ObjectProvider<EventHandler<?>> handlers,
            ObjectProvider<IncomingEventHandler> everyEventHandlers, EventCodec codec, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, MessagingProperties properties, MeterRegistry meters) {
        List<EventHandler<?>> typed = handlers.orderedStream().toList();
        List<IncomingEventHandler> every = everyEventHandlers.orderedStream().toList();
        return new InboxDispatcher(typed, every, codec, jdbc, new TransactionTemplate(transactionManager),
                properties.serviceName(), meters);
    }
}
