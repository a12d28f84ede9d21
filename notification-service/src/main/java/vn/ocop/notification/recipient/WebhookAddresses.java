package vn.ocop.notification.recipient;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import vn.ocop.web.InvalidRequestException;

/**
 * Where webhooks may go. A webhook is a URL that anyone registering channels or a subscription
 * chooses, and notification then posts to it from inside the platform's network: pointed at a
 * loopback, private, link-local (such as a cloud's metadata address) or otherwise internal
 * address, it would make notification call the platform's own services for whoever registered
 * it. Such addresses are refused when the URL is registered (when its host is written as an
 * address or is {@code localhost}) and again before every attempt, with the addresses its host
 * resolves to then, unless they lie in a network the deployment allows
 * ({@code ocop.notification.webhooks.allowed-networks}).
 *
 * <p>The HTTP client resolves the host once more to connect; a name that resolves differently
 * between the check and the connection (DNS rebinding) is not caught here. A deployment that
 * must rule that out sends webhooks through an egress proxy or firewall as well.
 */
@Component
public class WebhookAddresses {

    /**
     * @param allowedNetworks networks (CIDR, such as {@code 10.20.0.0/16} or {@code ::1/128}) webhooks
     *        may reach although they are internal: a receiver of the deployment's own
     */
    @ConfigurationProperties("ocop.notification.webhooks")
    public record Properties(@DefaultValue List<String> allowedNetworks) {
    }

    /** An address block: the first {@code bits} bits of {@code prefix}. */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + cidr));
            byte[] bytes = parsed.getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("not a prefix length for " + address + ": " + cidr);
            }
            return new Network(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /**
     * Blocks that are not public although Java's address tests pass them: "this network", shared
     * (carrier-grade NAT) space, IETF protocol assignments, benchmarking, reserved and broadcast,
     * and IPv6 unique local addresses.
     */
    private static final List<Network> INTERNAL = List.of(Network.parse("0.0.0.0/8"), Network.parse("100.64.0.0/10"),
            Network.parse("192.0.0.0/24"), Network.parse("198.18.0.0/15"), Network.parse("240.0.0.0/4"),
            Network.parse("fc00::/7"));

    private final List<Network> allowed;

    public WebhookAddresses(Properties properties) {
        this.allowed = properties.allowedNetworks().stream().filter(cidr -> !cidr.isBlank()).map(Network::parse)
                .toList();
    }

    /**
     * Why a URL about to be registered may not be, if it may not: its host is an internal address,
     * written out or as {@code localhost}. Other names are checked when they are used.
     */
    public Optional<String> refusal(String url) {
        String host;
        try {
            host = new URI(url).getHost();
        }
        catch (URISyntaxException e) {
            return Optional.of("not a usable URL: " + e.getReason());
        }
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return refusal(List.of(InetAddress.getLoopbackAddress()));
        }
        return literal(host).flatMap(address -> refusal(List.of(address)));
    }

    /**
     * Refuses, as a bad {@code webhookUrl} in the request, a URL that may not be registered
     * ({@link #refusal(String)}); no URL is fine.
     */
    public void checkRegistered(@Nullable String url) {
        if (url != null) {
            refusal(url).ifPresent(reason -> {
                throw new InvalidRequestException("webhookUrl", reason);
            });
        }
    }

    /** Why a webhook may not go to a host that resolves to these addresses, if it may not. */
    public Optional<String> refusal(List<InetAddress> addresses) {
        return addresses.stream().filter(this::refused).findFirst()
                .map(address -> "webhooks may not go to the internal address " + address.getHostAddress());
    }

    private boolean refused(InetAddress address) {
        boolean internal = address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || INTERNAL.stream().anyMatch(network -> network.contains(address));
        return internal && allowed.stream().noneMatch(network -> network.contains(address));
    }

    /**
     * The address a host written as an IP address stands for ({@code [::1]} as well as {@code ::1});
     * empty for a name, without looking it up.
     */
    static Optional<InetAddress> literal(String host) {
        String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+(%\\w+)?");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // A literal is parsed, not looked up (an IPv4-mapped IPv6 address comes back as IPv4).
            return Optional.of(InetAddress.getByName(text));
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
