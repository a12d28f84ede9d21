package vn.ocop.notification.lead;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadStatusTest {

    @ParameterizedTest
    @CsvSource({
            "NEW, CONTACTED, true", "NEW, WON, true", "NEW, LOST, true",
            "CONTACTED, WON, true", "CONTACTED, LOST, true", "CONTACTED, NEW, false",
            "WON, LOST, false", "WON, CONTACTED, false", "LOST, WON, false", "LOST, NEW, false" })
    void leadMovesOnlyForward(LeadStatus from, LeadStatus to, boolean allowed) {
        Lead lead = lead(from);
        Instant now = Instant.parse("2026-06-01T02:00:00Z");

        if (allowed) {
            Lead moved = lead.moveTo(to, now);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.statusChangedAt()).isEqualTo(now);
        }
        else {
            assertThatThrownBy(() -> lead.moveTo(to, now)).isInstanceOf(Lead.IllegalMove.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
        }
    }

    @ParameterizedTest
    @CsvSource({ "NEW", "CONTACTED", "WON", "LOST" })
    void theSameStatusAgainChangesNothing(LeadStatus status) {
        Lead lead = lead(status);

        assertThat(lead.moveTo(status, Instant.now())).isSameAs(lead);
    }

    private static Lead lead(LeadStatus status) {
        return new Lead(UUID.randomUUID(), UUID.randomUUID(), LeadKind.ORDER, UUID.randomUUID(), UUID.randomUUID(),
                "Siêu thị Hà Nội Xanh", null, "Mật ong", 10, "chai", 3_200_000L, status, Instant.EPOCH, null);
    }
}
