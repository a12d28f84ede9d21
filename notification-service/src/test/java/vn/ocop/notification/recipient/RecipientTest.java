package vn.ocop.notification.recipient;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ocop.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipientTest {

    @Test
    void recipientsAreProducersAndRetailersByIdAndOfficesByProvince() {
        UUID id = UUID.randomUUID();

        assertThat(Recipient.parse("producer:" + id.toString().toUpperCase(), "recipient"))
                .isEqualTo(Recipient.producer(id));
        assertThat(Recipient.parse("retailer:" + id, "recipient").toString()).isEqualTo("retailer:" + id);
        assertThat(Recipient.parse("office:Hà Giang", "recipient")).isEqualTo(Recipient.office("Hà Giang"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "producer:", "producer:nobody", "buyer:1", "office: ", "Hà Giang" })
    void anythingElseIsRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> Recipient.parse(text, "recipient"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("recipient"));
    }

    @Test
    void theLanguageIsTheFirstOfAcceptLanguageWeWrite() {
        assertThat(Language.fromAcceptLanguage("fr-FR, en-GB;q=0.8, vi;q=0.5")).contains(Language.EN);
        assertThat(Language.fromAcceptLanguage("vi-VN,vi;q=0.9")).contains(Language.VI);
        assertThat(Language.fromAcceptLanguage("fr")).isEmpty();
        assertThat(Language.fromAcceptLanguage("not a header;;;")).isEmpty();
    }
}
