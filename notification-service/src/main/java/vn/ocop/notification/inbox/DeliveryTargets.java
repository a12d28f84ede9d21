package vn.ocop.notification.inbox;

import org.jspecify.annotations.Nullable;

/**
 * Where a message should go instead of the recipient's registered channels, when its cause says
 * so (a subscription with its own e-mail or webhook). Null parts fall back to the registered ones.
 */
public record DeliveryTargets(@Nullable String email, @Nullable String webhookUrl) {

    public static final DeliveryTargets REGISTERED = new DeliveryTargets(null, null);
}
