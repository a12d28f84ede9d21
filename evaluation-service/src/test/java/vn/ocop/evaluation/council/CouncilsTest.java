package vn.ocop.evaluation.council;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.evaluation.Cases;
import vn.ocop.evaluation.EvaluationIntegrationTest;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class CouncilsTest extends EvaluationIntegrationTest {

    private static Map<String, Object> council(String region, String... members) {
        return Map.of("name", "Hội đồng OCOP tỉnh " + region, "level", "PROVINCE", "region", region,
                "members", java.util.Arrays.stream(members).map(name -> Map.of("name", name)).toList());
    }

    @Test
    void everyLevelHasACouncilForEveryProvince() {
        for (String level : List.of("COMMUNE", "PROVINCE", "CENTRAL")) {
            Response councils = http().get("/api/councils?level=" + level + "&limit=100");
            assertThat(councils.at("/items").valueStream().anyMatch(c -> c.get("region").isNull()))
                    .as("a %s council for every province", level).isTrue();
        }
    }

    @Test
    void anOfficesNewCouncilTakesTheCasesOfItsProvinceFromThenOn() {
        String region = "Tỉnh mới " + UUID.randomUUID().toString().substring(0, 8);
        Response created = http().post("/api/councils", council(region, "Lê Thị Hoa", "Trịnh Văn Kiên"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(http().get("/api/councils/" + created.text("/id")).at("/members").findValuesAsString("name"))
                .containsExactly("Lê Thị Hoa", "Trịnh Văn Kiên");

        Cases cases = new Cases(http());
        String id = cases.open(Cases.fishSauce("PROVINCE", region, Instant.now()));

        assertThat(cases.view(id).text("/council/id")).isEqualTo(created.text("/id"));
        assertThat(cases.decide(id, 0.8).at("/certifiedStars").asInt()).isEqualTo(4);
    }

    @Test
    void aCouncilNeedsAKnownLevelAndDistinctMembersAndIsSetUpOnce() {
        String region = "Tỉnh mới " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(council(region, "Lê Thị Hoa"));

        body.put("level", "HAMLET");
        Response unknownLevel = http().post("/api/councils", body);
        assertThat(unknownLevel.status()).isEqualTo(400);
        assertThat(unknownLevel.at("/errors").findValuesAsString("field")).containsExactly("level");

        Response twice = http().post("/api/councils", council(region, "Lê Thị Hoa", " lê thị hoa "));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.at("/errors").findValuesAsString("field")).containsExactly("members");

        body.put("level", "PROVINCE");
        body.put("members", List.of());
        assertThat(http().post("/api/councils", body).status()).isEqualTo(400);
        assertThat(http().get("/api/councils?region=" + region.replace(" ", "%20")).at("/items").size()).isZero();

        assertThat(http().post("/api/councils", council(region, "Lê Thị Hoa")).status()).isEqualTo(201);
        Response again = http().post("/api/councils", council(region, "Lê Thị Hoa"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/type")).isEqualTo("/problems/council-exists");
    }
}
