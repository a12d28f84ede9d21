package vn.ocop.notification.delivery;

/** How a delivery travels. */
enum Channel {
    EMAIL,
    WEBHOOK
}
