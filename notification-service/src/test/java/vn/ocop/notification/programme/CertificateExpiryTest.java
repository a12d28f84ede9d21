package vn.ocop.notification.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CertificateExpiryTest extends NotificationIntegrationTest {

    @Test
    void producerIsToldOnceThatACertificateExpiresWithinNinetyDays() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        ProgrammeEvents soon = new ProgrammeEvents("Sơn La", Instant.now());
        ProgrammeEvents later = new ProgrammeEvents("Sơn La", Instant.now());
        ProgrammeEvents revoked = new ProgrammeEvents("Sơn La", Instant.now());

        TestEvents.publish(soon.certified(4, today.plusDays(30)));
        TestEvents.publish(later.certified(4, today.plusDays(200)));
        // Outside the notice window: the watch (every 300 ms here) could otherwise run between this
        // certificate and its revocation and rightly announce an expiry that was still true then.
        TestEvents.publish(revoked.certified(4, today.plusDays(200)));
        TestEvents.publish(revoked.revoked());

        String inbox = "/api/inbox?recipient=producer:" + soon.producerId();
        Response notice = await().atMost(Duration.ofSeconds(30)).until(() -> http().get(inbox + "&lang=en"),
                r -> r.at("/items").findValuesAsString("kind").contains("EXPIRING"));
        assertThat(notice.at("/items").findValuesAsString("title"))
                .contains("OCOP certificate " + soon.certificateNo + " expires soon");
        assertThat(notice.at("/items").findValuesAsString("body")).anyMatch(body -> body.contains("(30 days left)"));

        // Several more passes of the watch (every 300 ms in tests) add nothing.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> http().get(inbox).at("/items").size() == 2);
        assertThat(http().get(inbox).at("/items").findValuesAsString("kind")).containsExactlyInAnyOrder("CERTIFIED",
                "EXPIRING");
        assertThat(http().get("/api/inbox?recipient=producer:" + later.producerId()).at("/items")
                .findValuesAsString("kind")).containsExactly("CERTIFIED");
        assertThat(http().get("/api/inbox?recipient=producer:" + revoked.producerId()).at("/items")
                .findValuesAsString("kind")).containsExactlyInAnyOrder("CERTIFIED", "REVOKED");
    }

    @Test
    void aRevocationThatArrivesBeforeItsCertificateIsNotForgotten() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        ProgrammeEvents early = new ProgrammeEvents("Sơn La", Instant.now());
        ProgrammeEvents control = new ProgrammeEvents("Sơn La", Instant.now());

        // As after a replay or a rebuild: the end first, then the certificate, inside the notice window.
        TestEvents.publish(early.revoked());
        TestEvents.publish(early.certified(4, today.plusDays(30)));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http().get("/api/inbox?recipient=producer:" + early.producerId()),
                r -> r.at("/items").findValuesAsString("kind").contains("CERTIFIED"));
        TestEvents.publish(control.certified(4, today.plusDays(30)));

        // Once the watch has noticed the control certificate, it has looked at the revoked one too.
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http().get("/api/inbox?recipient=producer:" + control.producerId()),
                r -> r.at("/items").findValuesAsString("kind").contains("EXPIRING"));
        assertThat(http().get("/api/inbox?recipient=producer:" + early.producerId()).at("/items")
                .findValuesAsString("kind")).doesNotContain("EXPIRING");
    }
}
