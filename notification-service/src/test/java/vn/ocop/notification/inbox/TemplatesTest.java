package vn.ocop.notification.inbox;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.notification.recipient.Language;
import vn.ocop.notification.recipient.Recipient.Audience;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Templates templates = new Templates();

    @Test
    void bothLanguagesHaveTheSameMessagesWithTheSameFacts() {
        Map<String, String> vi = templates.all(Language.VI);
        Map<String, String> en = templates.all(Language.EN);

        assertThat(en.keySet()).isEqualTo(vi.keySet());
        vi.forEach((key, text) -> assertThat(placeholders(en.get(key))).as(key).isEqualTo(placeholders(text)));
    }

    @Test
    void everyMessageAnAudienceIsSentHasATitleAndABody() {
        Map<Audience, Set<MessageKind>> sent = Map.of(
                Audience.PRODUCER, Set.of(MessageKind.CERTIFIED, MessageKind.REJECTED, MessageKind.REVOKED,
                        MessageKind.EXPIRED, MessageKind.EXPIRING, MessageKind.ORDER_PLACED, MessageKind.ORDER_CANCELLED,
                        MessageKind.DEMAND_MATCHED),
                Audience.RETAILER, Set.of(MessageKind.ORDER_ACCEPTED, MessageKind.ORDER_REJECTED,
                        MessageKind.ORDER_SHIPPED, MessageKind.ORDER_DELIVERED, MessageKind.NEW_SUPPLY,
                        MessageKind.DEMAND_MATCHED),
                Audience.OFFICE, Set.of(MessageKind.CERTIFIED, MessageKind.REJECTED, MessageKind.REVOKED,
                        MessageKind.EXPIRED));
        for (Language language : Language.values()) {
            sent.forEach((audience, kinds) -> kinds.forEach(kind -> {
                Rendered text = templates.render(audience, kind, JSON.createObjectNode(), language);
                assertThat(text.title()).as("%s %s %s", language, audience, kind).isNotBlank();
                assertThat(text.body()).as("%s %s %s", language, audience, kind).isNotBlank();
            }));
        }
    }

    @Test
    void moneyAndDatesAreWrittenAsEachLanguageWritesThem() {
        JsonNode facts = JSON.readTree("""
                {"retailerName": "Siêu thị Hà Nội Xanh", "quantity": 30, "unit": "chai 500 ml",
                 "productName": "Mật ong bạc hà", "totalVnd": 9600000, "deliveryProvince": "Hà Nội"}
                """);

        Rendered vi = templates.render(Audience.PRODUCER, MessageKind.ORDER_PLACED, facts, Language.VI);
        Rendered en = templates.render(Audience.PRODUCER, MessageKind.ORDER_PLACED, facts, Language.EN);

        assertThat(vi.title()).isEqualTo("Đơn hàng mới từ Siêu thị Hà Nội Xanh");
        assertThat(vi.body()).isEqualTo(
                "Siêu thị Hà Nội Xanh đặt 30 chai 500 ml Mật ong bạc hà, trị giá 9.600.000 ₫, giao tại Hà Nội.");
        assertThat(en.body()).isEqualTo(
                "Siêu thị Hà Nội Xanh ordered 30 chai 500 ml of Mật ong bạc hà, worth 9,600,000 VND, to be delivered in Hà Nội.");

        JsonNode expiring = JSON.readTree("""
                {"certificateNo": "OCOP-2026-000123", "productName": "Chè Tân Cương", "validUntil": "2027-02-28", "daysLeft": 30}
                """);
        assertThat(templates.render(Audience.PRODUCER, MessageKind.EXPIRING, expiring, Language.VI).body())
                .contains("vào ngày 28/02/2027 (còn 30 ngày)");
        assertThat(templates.render(Audience.PRODUCER, MessageKind.EXPIRING, expiring, Language.EN).body())
                .contains("valid until 28 February 2027 (30 days left)");
    }

    @Test
    void optionalPartsAreLeftOutWhenTheirFactIsMissing() {
        JsonNode withNote = JSON.readTree("{\"note\": \"Giao buổi sáng\"}");

        assertThat(Templates.fill("Đơn hàng.[[ Ghi chú: {note}]]", withNote, Language.VI))
                .isEqualTo("Đơn hàng. Ghi chú: Giao buổi sáng");
        assertThat(Templates.fill("Đơn hàng.[[ Ghi chú: {note}]]", JSON.createObjectNode(), Language.VI))
                .isEqualTo("Đơn hàng.");
        assertThat(Templates.fill("Lý do: {reasons,list}.", JSON.readTree("{\"reasons\": [\"a\", \"b\"]}"), Language.EN))
                .isEqualTo("Lý do: a; b.");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Templates.PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
