package vn.ocop.notification.lead;

import java.util.Set;

/**
 * How far the producer has followed a lead up: NEW → CONTACTED → WON or LOST, or straight from NEW
 * to WON or LOST. WON and LOST are final.
 */
public enum LeadStatus {
    NEW,
    CONTACTED,
    WON,
    LOST;

    private Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> Set.of(CONTACTED, WON, LOST);
            case CONTACTED -> Set.of(WON, LOST);
            case WON, LOST -> Set.of();
        };
    }

    boolean canMoveTo(LeadStatus target) {
        return next().contains(target);
    }
}
