package vn.ocop.messaging.transaction;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that belongs to the current transaction: made on first use, handed to the commit-time
 * callbacks the owner gives for it, forgotten when the transaction ends (committed or rolled
 * back), and set aside while an inner {@code REQUIRES_NEW} transaction runs, which gets its own.
 *
 * <p>For work that a transaction gathers while it applies a batch of events and then does once,
 * just before or after it commits.
 *
 * @param <T> the value
 */
public final class TransactionScoped<T> {

    private final Object key = new Object();
    private final Supplier<T> create;
    private final Function<T, List<TransactionSynchronization>> callbacks;

    /**
     * @param create makes the value of a transaction
     * @param callbacks the synchronizations (with their orders) to register with each new value
     */
    public TransactionScoped(Supplier<T> create, Function<T, List<TransactionSynchronization>> callbacks) {
        this.create = create;
        this.callbacks = callbacks;
    }

    /** A value with no commit-time work of its own (a flag, a memo). */
    public static <T> TransactionScoped<T> of(Supplier<T> create) {
        return new TransactionScoped<>(create, value -> List.of());
    }

    /**
     * Work to do just before the transaction commits, at {@code order} among its other
     * synchronizations (lower runs first).
     */
    public static TransactionSynchronization beforeCommit(int order, Runnable work) {
        return atCommit(order, work, () -> { });
    }

    /** Work to do just before the transaction commits and just after, at {@code order} (lower first). */
    public static TransactionSynchronization atCommit(int order, Runnable before, Runnable after) {
        return new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return order;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                before.run();
            }

            @Override
            public void afterCommit() {
                after.run();
            }
        };
    }

    /** The current transaction's value, made now if it has none; null outside a transaction synchronization. */
    public @Nullable T current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T bound = existing();
        if (bound != null) {
            return bound;
        }
        T value = create.get();
        TransactionSynchronizationManager.bindResource(key, value);
        TransactionSynchronizationManager.registerSynchronization(new Binding(value));
        callbacks.apply(value).forEach(TransactionSynchronizationManager::registerSynchronization);
        return value;
    }

    /** The current transaction's value if it has made one; never makes one. */
    @SuppressWarnings("unchecked")
    public @Nullable T existing() {
        return (T) TransactionSynchronizationManager.getResource(key);
    }

    /** Keeps the value bound to its own transaction only. */
    private final class Binding implements TransactionSynchronization {

        private final T value;

        Binding(T value) {
            this.value = value;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, value);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
