package vn.ocop.evaluation.evaluation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.evaluation.Cases;
import vn.ocop.evaluation.EvaluationIntegrationTest;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which council level certifies what, for each rule set, walked as councils walk it: a submission
 * falls under the rule set in force on its day and climbs the levels its scores earn.
 */
class LevelRoutingTest extends EvaluationIntegrationTest {

    private static final Instant UNDER_1048 = Instant.parse("2020-03-02T03:00:00Z");
    private static final Instant UNDER_148 = Instant.parse("2024-05-06T03:00:00Z");

    private static TopicProbe certificationTopic;

    @BeforeAll
    static void probe() {
        certificationTopic = TopicProbe.on(Topics.EVALUATION_CERTIFICATION);
    }

    @AfterAll
    static void closeProbe() {
        certificationTopic.close();
    }

    private Cases cases() {
        return new Cases(http());
    }

    private static String province() {
        return "Tỉnh thử " + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void underTheTwoTierRulesAFiveStarProductClimbsFromCommuneToProvinceToCentre() {
        ProductSubmitted submitted = Cases.fishSauce("COMMUNE");
        String commune = cases().open(submitted);
        assertThat(cases().view(commune).text("/evaluation/ruleSet")).isEqualTo("QD148-2023-2025");

        Response atCommune = cases().decide(commune, 0.93);
        assertThat(atCommune.at("/stars").asInt()).isEqualTo(5);
        assertThat(atCommune.at("/certifiedStars").asInt()).isEqualTo(3);
        assertThat(atCommune.text("/forwardedTo")).isEqualTo("PROVINCE");
        String communeCertificate = atCommune.text("/certificateNo");

        String province = atCommune.text("/nextEvaluationId");
        Response provinceCase = cases().view(province);
        assertThat(provinceCase.text("/evaluation/level")).isEqualTo("PROVINCE");
        assertThat(provinceCase.text("/evaluation/forwardedFrom")).isEqualTo(commune);
        assertThat(provinceCase.text("/evaluation/standingCertificateNo")).isEqualTo(communeCertificate);
        assertThat(provinceCase.text("/council/level")).isEqualTo("PROVINCE");
        assertThat(http().get("/api/certificates/" + communeCertificate).text("/status"))
                .as("the commune's certificate stands until the province decides").isEqualTo("ACTIVE");

        Response atProvince = cases().decide(province, 0.93);
        assertThat(atProvince.at("/certifiedStars").asInt()).isEqualTo(4);
        assertThat(atProvince.text("/forwardedTo")).isEqualTo("CENTRAL");
        String provinceCertificate = atProvince.text("/certificateNo");
        assertThat(http().get("/api/certificates/" + communeCertificate).text("/status")).isEqualTo("SUPERSEDED");

        Response atCentre = cases().decide(atProvince.text("/nextEvaluationId"), 0.93);
        assertThat(atCentre.at("/certifiedStars").asInt()).isEqualTo(5);
        assertThat(atCentre.at("/forwardedTo").isNull()).isTrue();
        assertThat(http().get("/api/certificates/" + provinceCertificate).text("/status")).isEqualTo("SUPERSEDED");
        assertThat(http().get("/api/certificates/" + atCentre.text("/certificateNo")).text("/level")).isEqualTo("CENTRAL");

        assertThat(http().get("/api/evaluations?submissionId=" + submitted.submissionId()).at("/items")
                .findValuesAsString("level")).containsExactly("COMMUNE", "PROVINCE", "CENTRAL");
        certificationTopic.await(r -> submitted.productId().toString().equals(r.key())
                && TopicProbe.body(r).contains("\"level\":\"CENTRAL\""));
        List<String> certified = certificationTopic.recordsWhere(r -> submitted.productId().toString().equals(r.key()))
                .stream().map(TopicProbe::body).toList();
        assertThat(certified).hasSize(3).allSatisfy(body ->
                assertThat(EventContracts.violations(EvaluationEvents.PRODUCT_CERTIFIED, body)).isEmpty());
        assertThat(certified.getLast()).contains("\"stars\":5").contains("\"level\":\"CENTRAL\"");
    }

    @Test
    void underTheTwoTierRulesThreeStarsStayAtTheCommune() {
        String commune = cases().open(Cases.fishSauce("COMMUNE"));

        Response decision = cases().decide(commune, 0.6);

        assertThat(decision.at("/certifiedStars").asInt()).isEqualTo(3);
        assertThat(decision.at("/forwardedTo").isNull()).isTrue();
        assertThat(decision.at("/nextEvaluationId").isNull()).isTrue();
    }

    @Test
    void aDistrictAskedForAfterJuly2025IsTheCommune() {
        String id = cases().open(Cases.fishSauce("DISTRICT"));

        assertThat(cases().view(id).text("/evaluation/level")).isEqualTo("COMMUNE");
        assertThat(cases().view(id).text("/council/level")).isEqualTo("COMMUNE");
    }

    @Test
    void underDecision148TheDistrictCertifiesAndItsCertificateStandsWhenTheProvinceGivesNoMore() {
        ProductSubmitted submitted = Cases.fishSauce("COMMUNE", province(), UNDER_148);
        String district = cases().open(submitted);
        assertThat(cases().view(district).text("/evaluation/ruleSet")).isEqualTo("QD148-2023");
        assertThat(cases().view(district).text("/evaluation/level")).isEqualTo("DISTRICT");

        Response atDistrict = cases().decide(district, 0.8);
        assertThat(atDistrict.at("/certifiedStars").asInt()).isEqualTo(3);
        assertThat(atDistrict.text("/forwardedTo")).isEqualTo("PROVINCE");
        String districtCertificate = atDistrict.text("/certificateNo");

        Response atProvince = cases().decide(atDistrict.text("/nextEvaluationId"), 0.6);
        assertThat(atProvince.at("/stars").asInt()).isEqualTo(3);
        assertThat(atProvince.at("/certified").asBoolean()).isFalse();
        assertThat(atProvince.text("/reasons/0")).contains("which stands");
        assertThat(http().get("/api/certificates/" + districtCertificate).text("/status")).isEqualTo("ACTIVE");
        certificationTopic.await(r -> submitted.productId().toString().equals(r.key()));
        assertThat(certificationTopic.recordsWhere(r -> submitted.productId().toString().equals(r.key()))).hasSize(1);
    }

    @Test
    void underDecision1048TheDistrictOnlySelectsAndTheProvinceCertifies() {
        ProductSubmitted submitted = Cases.fishSauce("DISTRICT", province(), UNDER_1048);
        String district = cases().open(submitted);
        assertThat(cases().view(district).text("/evaluation/ruleSet")).isEqualTo("QD1048-2019");
        assertThat(cases().view(district).at("/template/parts").valueStream().map(part -> part.get("maxPoints").asInt()))
                .containsExactly(35, 25, 40);

        Response atDistrict = cases().decide(district, 0.6);
        assertThat(atDistrict.at("/stars").asInt()).isEqualTo(3);
        assertThat(atDistrict.at("/certified").asBoolean()).isFalse();
        assertThat(atDistrict.text("/forwardedTo")).isEqualTo("PROVINCE");

        Response atProvince = cases().decide(atDistrict.text("/nextEvaluationId"), 0.6);
        assertThat(atProvince.at("/certifiedStars").asInt()).isEqualTo(3);
        assertThat(http().get("/api/certificates/" + atProvince.text("/certificateNo")).text("/ruleSet")).isEqualTo("QD1048-2019");
        assertThat(TopicProbe.header(certificationTopic.await(r -> submitted.productId().toString().equals(r.key())),
                CloudEventHeaders.TYPE)).isEqualTo(EvaluationEvents.PRODUCT_CERTIFIED.name());
    }

    @Test
    void aProvinceWithItsOwnCouncilGetsItAndOthersTheCouncilForEveryProvince() {
        String thaiNguyen = cases().open(Cases.fishSauce("PROVINCE", "Thái Nguyên", Instant.now()));
        String elsewhere = cases().open(Cases.fishSauce("PROVINCE"));

        assertThat(cases().view(thaiNguyen).text("/council/region")).isEqualTo("Thái Nguyên");
        assertThat(cases().view(elsewhere).at("/council/region").isNull()).isTrue();
        assertThat(cases().members(thaiNguyen)).doesNotContainAnyElementsOf(cases().members(elsewhere));
    }
}
