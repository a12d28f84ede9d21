package vn.ocop.notification.recipient;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Recipients' delivery preferences, registered by the recipients themselves (notification owns no contact details). */
@Repository
public class RecipientChannels {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    RecipientChannels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Channels> find(Recipient recipient) {
        return jdbc.sql("""
                select recipient, email, webhook_url, webhook_secret, language, updated_at
                from recipient_channel where recipient = ?
                """)
                .param(recipient.toString())
                .query(RecipientChannels::map)
                .optional();
    }

    public Language languageOf(Recipient recipient) {
        return find(recipient).map(Channels::language).orElse(Language.DEFAULT);
    }

    /**
     * Replaces a recipient's channels. A webhook needs a secret: the one given, else the one already
     * stored, else a new one. The result carries the secret only when this call generated it.
     */
    @Transactional
    Channels put(Recipient recipient, @Nullable String email, @Nullable String webhookUrl,
            @Nullable String webhookSecret, Language language) {
        String stored = find(recipient).map(Channels::webhookSecret).orElse(null);
        boolean generate = webhookUrl != null && webhookSecret == null && stored == null;
        String secret = webhookSecret != null ? webhookSecret : generate ? newSecret() : stored;
        Channels channels = new Channels(recipient, email, webhookUrl, secret, language, clock.instant());
        jdbc.sql("""
                insert into recipient_channel (recipient, email, webhook_url, webhook_secret, language, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (recipient) do update set email = excluded.email, webhook_url = excluded.webhook_url,
                    webhook_secret = excluded.webhook_secret, language = excluded.language,
                    updated_at = excluded.updated_at
                """)
                .params(recipient.toString(), email, webhookUrl, secret, language.code(),
                        Timestamp.from(channels.updatedAt()))
                .update();
        return generate ? channels : withoutSecret(channels);
    }

    /**
     * The recipient's webhook secret, created (and returned, this once) when there is none yet: a
     * subscription may name its own webhook before its retailer registered any channel.
     */
    @Transactional
    public Optional<String> ensureWebhookSecret(Recipient recipient) {
        jdbc.sql("""
                insert into recipient_channel (recipient, language, updated_at) values (?, ?, ?)
                on conflict (recipient) do nothing
                """)
                .params(recipient.toString(), Language.DEFAULT.code(), Timestamp.from(clock.instant()))
                .update();
        String secret = newSecret();
        int generated = jdbc.sql("update recipient_channel set webhook_secret = ? where recipient = ? and webhook_secret is null")
                .params(secret, recipient.toString())
                .update();
        return generated == 1 ? Optional.of(secret) : Optional.empty();
    }

    static Channels withoutSecret(Channels channels) {
        return new Channels(channels.recipient(), channels.email(), channels.webhookUrl(), null, channels.language(),
                channels.updatedAt());
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static Channels map(ResultSet rs, int row) throws SQLException {
        return new Channels(Recipient.parse(rs.getString("recipient"), "recipient"), rs.getString("email"),
                rs.getString("webhook_url"), rs.getString("webhook_secret"),
                Language.of(rs.getString("language")).orElse(Language.DEFAULT),
                rs.getTimestamp("updated_at").toInstant());
    }
}
