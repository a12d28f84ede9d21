package vn.ocop.messaging.transaction;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A value per transaction: made once, committed with it, gone with it, set aside for an inner one. */
class TransactionScopedTest {

    private final List<String> log = new ArrayList<>();
    private final TransactionScoped<List<String>> scoped = new TransactionScoped<>(ArrayList::new,
            value -> List.of(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    log.add("commit " + value);
                }
            }));
    private final TransactionTemplate transaction = transactions();

    private static TransactionTemplate transactions() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        return new TransactionTemplate(new DataSourceTransactionManager(new SimpleDriverDataSource(
                new org.postgresql.Driver(), infrastructure.jdbcUrl("messaging_scoped"), infrastructure.username(),
                infrastructure.password())));
    }

    @Test
    void oneValuePerTransactionHandedToItsCallbacksOnce() {
        transaction.executeWithoutResult(status -> {
            scoped.current().add("a");
            scoped.current().add("b");
            assertThat(scoped.existing()).containsExactly("a", "b");
        });
        transaction.executeWithoutResult(status -> scoped.current().add("c"));

        assertThat(log).containsExactly("commit [a, b]", "commit [c]");
        assertThat(scoped.existing()).isNull();
    }

    @Test
    void aRolledBackValueIsForgotten() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            scoped.current().add("lost");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(scoped.existing()).isNull();

        transaction.executeWithoutResult(status -> assertThat(scoped.current()).isEmpty());
        assertThat(log).containsExactly("commit []");
    }

    @Test
    void anInnerTransactionHasItsOwnValue() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            scoped.current().add("outer");
            inner.executeWithoutResult(innerStatus -> scoped.current().add("inner"));
            scoped.current().add("outer again");
        });

        assertThat(log).containsExactly("commit [inner]", "commit [outer, outer again]");
    }

    @Test
    void outsideATransactionThereIsNone() {
        assertThat(scoped.current()).isNull();
        assertThat(scoped.existing()).isNull();
    }
}
