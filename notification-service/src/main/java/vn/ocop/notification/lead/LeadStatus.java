package vn.ocop.notification.lead;

/** How far the producer has followed a lead up. */
public enum LeadStatus {
    NEW,
    CONTACTED,
    WON,
    LOST
}
