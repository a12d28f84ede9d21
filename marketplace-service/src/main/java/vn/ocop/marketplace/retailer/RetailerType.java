package vn.ocop.marketplace.retailer;

/** The kinds of buyer the marketplace serves. */
public enum RetailerType {
    SUPERMARKET_CHAIN,
    STORE,
    DISTRIBUTOR,
    ONLINE_SHOP
}
