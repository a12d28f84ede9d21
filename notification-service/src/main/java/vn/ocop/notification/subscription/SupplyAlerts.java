package vn.ocop.notification.subscription;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.notification.inbox.DeliveryTargets;
import vn.ocop.notification.inbox.Inbox;
import vn.ocop.notification.inbox.MessageKind;
import vn.ocop.notification.recipient.Recipient;

/**
 * A new listing alerts every retailer with a matching subscription, once per retailer (the
 * oldest matching subscription says where the alert goes besides the inbox).
 */
@Configuration(proxyBeanMethods = false)
class SupplyAlerts {

    @Bean
    EventHandler<ListingCreated> alertSubscribers(Subscriptions subscriptions, Inbox inbox) {
        return EventHandler.on(MarketplaceEvents.LISTING_CREATED, listing -> {
            Set<UUID> alerted = new HashSet<>();
            for (Subscription s : subscriptions.matching(listing)) {
                if (alerted.add(s.retailerId())) {
                    inbox.post(Recipient.retailer(s.retailerId()), MessageKind.NEW_SUPPLY, facts(listing, s),
                            listing.eventId().toString(), listing.occurredAt(),
                            new DeliveryTargets(s.email(), s.webhookUrl()));
                }
            }
        });
    }

    private static Map<String, Object> facts(ListingCreated l, Subscription s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("listingId", l.listingId().toString());
        facts.put("productId", l.productId().toString());
        facts.put("productName", l.name());
        facts.put("producerId", l.producerId().toString());
        facts.put("producerName", l.producerName());
        facts.put("group", l.group());
        facts.put("subgroup", l.subgroup());
        facts.put("stars", l.stars());
        facts.put("certificateNo", l.certificateNo());
        facts.put("province", l.province());
        facts.put("unit", l.unit());
        facts.put("wholesalePriceVnd", l.wholesalePriceVnd());
        facts.put("minOrderQuantity", l.minOrderQuantity());
        facts.put("subscriptionId", s.id().toString());
        return facts;
    }
}
