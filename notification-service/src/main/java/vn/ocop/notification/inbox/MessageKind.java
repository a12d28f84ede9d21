package vn.ocop.notification.inbox;

/** What a message is about; with the recipient's audience it picks the template. */
public enum MessageKind {
    CERTIFIED,
    REJECTED,
    REVOKED,
    EXPIRED,
    EXPIRING,
    ORDER_PLACED,
    ORDER_ACCEPTED,
    ORDER_REJECTED,
    ORDER_SHIPPED,
    ORDER_DELIVERED,
    ORDER_CANCELLED,
    DEMAND_MATCHED,
    NEW_SUPPLY
}
