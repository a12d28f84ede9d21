package vn.ocop.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.messaging.outbox.OutboxRelay;
import vn.ocop.messaging.testapp.RelayTestApplication;
import vn.ocop.testsupport.TestInfrastructure;

/**
 * One running instance (a process, in production) of a service built on the messaging library,
 * started and stopped by a test. Its consumer is not started: these instances only publish.
 */
final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance of the named service on its own database.
     *
     * @param settings further {@code name=value} properties
     */
    static ServiceInstance start(String serviceName, String database, String... settings) {
        List<String> arguments = new ArrayList<>();
        // Command-line arguments, so they win over application.yml and the library's defaults.
        TestInfrastructure.shared().springProperties(database)
                .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--spring.application.name=" + serviceName);
        arguments.add("--spring.cloud.stream.bindings.inbound-in-0.consumer.auto-startup=false");
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new ServiceInstance(new SpringApplicationBuilder(RelayTestApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    /** Commits the events in one transaction, as a state change that causes them would. */
    void commit(DomainEvent... events) {
        Outbox outbox = context.getBean(Outbox.class);
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            for (DomainEvent event : events) {
                outbox.append(event);
            }
        });
    }

    boolean isLeader() {
        return context.getBean(OutboxRelay.class).isLeader();
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    boolean isPending(UUID eventId) {
        Boolean pending = jdbc().queryForObject(
                "select published_at is null from outbox_event where event_id = ?", Boolean.class, eventId);
        return Boolean.TRUE.equals(pending);
    }

    @Override
    public void close() {
        context.close();
    }
}
