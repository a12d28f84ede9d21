package vn.ocop.messaging.transaction;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.messaging.testapp.RelayTestApplication;
import vn.ocop.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** Key locks are held by the transaction, once per key, and released at its end. */
@SpringBootTest(classes = RelayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KeyLocksTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "messaging");
    }

    @Test
    void eachKeyIsLockedOnceUntilTheTransactionEnds() {
        KeyLocks locks = new KeyLocks(jdbc, "test:", 3);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        Integer heldInside = new TransactionTemplate(transactionManager).execute(status -> {
            locks.lock(List.of(a, b, a));
            locks.lock(List.of(b, c));
            return heldByMe();
        });

        assertThat(heldInside).isEqualTo(3);
        Boolean free = new TransactionTemplate(transactionManager).execute(status -> jdbc
                .sql("select pg_try_advisory_xact_lock(hashtextextended('test:' || ?::text, 3))").param(a.toString())
                .query(Boolean.class).single());
        assertThat(free).isTrue();
    }

    private int heldByMe() {
        return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")
                .query(Integer.class).single();
    }
}
