package vn.ocop.messaging;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.Topics;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.messaging.testapp.AppliedEvents;
import vn.ocop.messaging.testapp.RelayTestApplication;
import vn.ocop.testsupport.TestInfrastructure;
import vn.ocop.testsupport.TopicProbe;

/**
 * The test service (one instance, relay and consumer running) against the JVM's shared broker and
 * its own database. It publishes to and consumes {@value Topics#CATALOG_PRODUCT}.
 */
@SpringBootTest(classes = RelayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class MessagingIntegrationTest {

    static final String DATABASE = "messaging";

    @Autowired
    protected Outbox outbox;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AppliedEvents applied;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Value("${spring.cloud.stream.bindings.inbound-in-0.group}")
    protected String consumerGroup;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, DATABASE);
    }

    protected TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    /** Commits the events in one transaction, as a state change that causes them would. */
    protected void commit(DomainEvent... events) {
        transaction().executeWithoutResult(status -> {
            for (DomainEvent event : events) {
                outbox.append(event);
            }
        });
    }

    protected int outboxRows(UUID eventId) {
        Integer count = jdbc.queryForObject("select count(*) from outbox_event where event_id = ?", Integer.class, eventId);
        return count == null ? 0 : count;
    }

    protected boolean isRecordedInInbox(UUID eventId) {
        Integer count = jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, eventId);
        return count != null && count > 0;
    }

    /** The binder's dead-letter topic for this service's consumer: {@code error.<destination>.<group>}. */
    protected String deadLetterTopic() {
        return "error." + Topics.CATALOG_PRODUCT + "." + consumerGroup;
    }

    private static @Nullable TopicProbe deadLetters;

    /** A probe of the dead-letter topic, opened on first use and closed after the test class. */
    protected TopicProbe deadLetters() {
        if (deadLetters == null) {
            deadLetters = TopicProbe.on(deadLetterTopic());
        }
        return deadLetters;
    }

    @AfterAll
    static void closeDeadLetters() {
        if (deadLetters != null) {
            deadLetters.close();
            deadLetters = null;
        }
    }
}
