package vn.ocop.notification.recipient;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAddressesTest {

    private final WebhookAddresses none = new WebhookAddresses(new WebhookAddresses.Properties(List.of()));

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/hook", "http://127.8.9.10:8083/actuator", "http://localhost:8084/",
            "http://api.localhost/", "http://LOCALHOST/", "http://10.0.0.7/hook", "http://172.16.4.2/", "http://172.31.255.255/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:8083/",
            "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/", "http://[::1]:8084/",
            "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/", "http://[::]/" })
    void urlsWrittenWithAnInternalAddressAreRefused(String url) {
        assertThat(none.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).startsWith("webhooks may not go to"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://erp.sieuthi.vn/ocop", "https://203.0.113.10/hooks", "http://8.8.8.8/",
            "https://[2001:db8::1]/hook", "https://172.32.0.1/", "https://100.128.0.1/", "https://intranet/hook" })
    void publicAddressesAndNamesPassRegistration(String url) {
        // Names are checked when they are used, with whatever they resolve to then.
        assertThat(none.refusal(url)).isEmpty();
    }

    @Test
    void aUrlWithoutAHostIsRefused() {
        assertThat(none.refusal("http:///hook")).hasValue("the URL has no host");
        assertThat(none.refusal("http://exa mple.vn/")).hasValueSatisfying(reason -> assertThat(reason).startsWith("not a usable URL"));
    }

    @Test
    void resolvedAddressesAreRefusedWhenAnyOfThemIsInternal() throws Exception {
        InetAddress publicOne = InetAddress.getByName("203.0.113.10");
        InetAddress privateOne = InetAddress.getByName("10.1.2.3");
        assertThat(none.refusal(List.of(publicOne))).isEmpty();
        assertThat(none.refusal(List.of(publicOne, privateOne)))
                .hasValue("webhooks may not go to the internal address 10.1.2.3");
    }

    @Test
    void allowedNetworksAreTheDeploymentsOwnExceptions() throws Exception {
        WebhookAddresses own = new WebhookAddresses(
                new WebhookAddresses.Properties(List.of("10.20.0.0/16", " ::1/128 ", "192.168.7.9", "")));
        assertThat(own.refusal("http://10.20.3.4/hook")).isEmpty();
        assertThat(own.refusal("http://10.21.0.1/hook")).isPresent();
        assertThat(own.refusal("http://[::1]/hook")).isEmpty();
        assertThat(own.refusal("http://192.168.7.9/")).isEmpty();
        assertThat(own.refusal("http://192.168.7.10/")).isPresent();
        assertThat(own.refusal(List.of(InetAddress.getByName("127.0.0.1")))).isPresent();
    }

    @Test
    void aMisconfiguredNetworkStopsTheStart() {
        assertThatThrownBy(() -> new WebhookAddresses(new WebhookAddresses.Properties(List.of("intranet/8"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intranet/8");
        assertThatThrownBy(() -> new WebhookAddresses(new WebhookAddresses.Properties(List.of("10.0.0.0/33"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
    }
}
