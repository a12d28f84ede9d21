package vn.ocop.notification.lead;

/** Where a lead comes from. */
public enum LeadKind {
    ORDER,
    DEMAND_MATCH
}
