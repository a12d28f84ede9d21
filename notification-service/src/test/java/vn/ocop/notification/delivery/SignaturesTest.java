package vn.ocop.notification.delivery;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {

    @Test
    void signatureIsTheHexHmacSha256OfTheBodyAsRfc4231Computes() {
        // RFC 4231, test case 2.
        assertThat(Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anyChangeToTheBodyOrTheSecretChangesTheSignature() {
        byte[] body = "{\"title\":\"Đơn hàng mới\"}".getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.sign("whsec_1", body);

        assertThat(Signatures.sign("whsec_2", body)).isNotEqualTo(signature);
        assertThat(Signatures.sign("whsec_1", "{\"title\":\"Don hang moi\"}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }
}
