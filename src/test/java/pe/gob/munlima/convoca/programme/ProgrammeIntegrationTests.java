package pe.gob.munlima.convoca.programme;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.MutableClock;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three yearly rounds of one programme imported through the import API, on the real
 * application (embedded PostgreSQL, HTTP): one programme with three rounds; the next
 * window expected in the same month with high confidence, on the API, the programme page,
 * the call page, the project page of the project it fits, the ICS calendar and the weekly
 * digest; the admin's split and merge; a real call in the window fulfils the expectation,
 * and a window that passes without one is said so.
 */
class ProgrammeIntegrationTests extends WebContextTestSupport {

	private static final String FUNDER = "Fundación Ciudades Verdes";

	private static final String SOURCE = "ciudades-verdes";

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void threeYearlyRoundsMakeOneProgrammeWhoseNextWindowIsExpectedEverywhere() throws Exception {
		Api api = api();
		ProgrammeFeeds.importRound(api, SOURCE, FUNDER, "Fondo Ciudades Verdes 2024: movilidad sostenible",
				"5 de febrero de 2024", "20 de marzo de 2024", "50.000");
		ProgrammeFeeds.importRound(api, SOURCE, FUNDER,
				"Fondo Ciudades Verdes – convocatoria 2025: movilidad sostenible", "3 de febrero de 2025",
				"21 de marzo de 2025", "60.000");
		ProgrammeFeeds.importRound(api, SOURCE, FUNDER,
				"Fondo Ciudades Verdes 2026 (tercera edición): movilidad sostenible", "9 de febrero de 2026",
				"20 de marzo de 2026", "60.000");

		JsonNode programme = awaitProgramme(api, 3);
		long id = programme.get("id").asLong();
		assertThat(programme.get("funder").asString()).isEqualTo(FUNDER);
		assertThat(programme.get("expectedMonth").asString()).isEqualTo("2027-02");
		assertThat(programme.get("level").asString()).isEqualTo("ALTA");

		JsonNode detail = api.get("/api/programmes/" + id);
		assertThat(detail.get("expectation").asString())
			.isEqualTo("Abrió en febrero en 2024, 2025 y 2026: se espera en febrero de 2027.");
		assertThat(detail.get("confidence").asString()).isEqualTo("Confianza alta: 3 de 3 años en febrero ±1 mes.");
		JsonNode rounds = detail.get("rounds");
		assertThat(rounds).hasSize(3);
		assertThat(rounds.get(0).get("opened").asString()).isEqualTo("2024-02-05");
		assertThat(rounds.get(0).get("closed").asString()).isEqualTo("2024-03-20");
		assertThat(rounds.get(1).get("changes").toString()).contains("Monto máximo", "50000", "60000");
		assertThat(rounds.get(2).get("changes").toString()).doesNotContain("Monto máximo");
		assertThat(detail.get("checks").toString()).contains("Se esperaba en febrero de 2026 y abrió el 09/02/2026.");
		assertThat(api.get("/api/programmes/" + id, "en").get("expectation").asString())
			.isEqualTo("Opened in February in 2024, 2025 and 2026: expected in February 2027.");

		// The project of cycle lanes (GMU) prepares for it; the others are not told.
		long ciclovias = api.projectId("P-11-CICLOVIAS");
		JsonNode soon = soonOf(api, id);
		assertThat(soon.get("start").asString()).isEqualTo("2027-01-01");
		assertThat(soon.get("projects").findValuesAsString("code")).contains("P-11-CICLOVIAS");

		PageSession pages = new PageSession(this.port);
		assertThat(pages.logIn(SUBGERENCIA, SUBGERENCIA_PASSWORD)).isTrue();
		String projectPage = pages.get("/proyectos/" + ciclovias).body();
		assertThat(projectPage).contains("Se abrirán pronto", "Fondo Ciudades Verdes", "se espera en febrero de 2027",
				"/programas/" + id);
		String programmePage = pages.get("/programas/" + id).body();
		assertThat(programmePage).contains("05/02/2024", "20/03/2024", "09/02/2026", "Confianza alta");
		// The donor's page lists the programme, and who to approach for the cycle lanes
		// counts it: a call on mobility likely to come back in February.
		JsonNode donor = api.get("/api/donors/fundacion-ciudades-verdes");
		assertThat(donor.get("programmes").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(donor.get("programmes").get(0).get("rounds").asInt()).isEqualTo(3);
		assertThat(donor.get("programmes").get(0).get("expectation").asString()).contains("febrero de 2027");
		JsonNode evidence = null;
		for (JsonNode ranked : api.get("/api/donors/ranking?project=" + ciclovias).get("donors")) {
			if (ranked.get("key").asString().equals("fundacion-ciudades-verdes")) {
				for (JsonNode item : ranked.get("evidence")) {
					if (item.get("kind").asString().equals("PROGRAMME")) {
						evidence = item;
					}
				}
			}
		}
		assertThat(evidence).as("the programme is evidence for the donor").isNotNull();
		assertThat(evidence.get("programmeId").asLong()).isEqualTo(id);
		assertThat(evidence.get("expectation").asString()).contains("febrero de 2027");
		assertThat(pages.get("/donantes/fundacion-ciudades-verdes").body()).contains("Sus programas",
				"href=\"/programas/" + id + "\"");
		long lastRound = rounds.get(2).get("callId").asLong();
		assertThat(pages.get("/convocatorias/" + lastRound).body()).contains("href=\"/programas/" + id + "\"");

		// The office's calendar: the window as an all-day, tentative event of February.
		String feedUrl = api.get("/api/calendar/feeds").get(0).get("url").asString();
		HttpResponse<String> ics = api.anonymous().fetch(feedUrl.substring(feedUrl.indexOf("/calendario/")));
		ICalendar calendar = Biweekly.parse(new StringReader(ics.body())).first();
		VEvent expected = calendar.getEvents()
			.stream()
			.filter(e -> e.getUid()
				.getValue()
				.equals("convoca-programme-" + id + "-2027-02-expected@convoca.munlima.gob.pe"))
			.findFirst()
			.orElseThrow();
		assertThat(expected.getSummary().getValue()).startsWith("Esperada (no publicada): Fondo Ciudades Verdes");
		assertThat(expected.getDateStart().getValue().hasTime()).isFalse();
		assertThat(expected.getStatus().isTentative()).isTrue();
		assertThat(expected.getDescription().getValue()).contains("P-11-CICLOVIAS", "/programas/" + id);

		// The weekly digest says it under "Se abrirán pronto".
		api.postJson("/api/admin/alerts/recipients", "{\"email\": \"programas.digest@munlima.gob.pe\"}");
		String period = api.post("/api/admin/digests/run").get("run").get("period").asString();
		String digest = this.jdbc.sql(
				"SELECT body_text FROM alert_outbox WHERE reference = ? AND recipient = 'programas.digest@munlima.gob.pe'")
			.param("digest:" + period)
			.query(String.class)
			.single();
		assertThat(digest).contains("== Se abrirán pronto ==", "Fondo Ciudades Verdes", "se espera en febrero de 2027",
				"P-11-CICLOVIAS");

		// An admin splits a round out and merges it back.
		long split = api
			.json(api.postJson("/api/admin/programmes/" + id + "/split", "{\"callIds\": [" + lastRound + "]}"))
			.get("programmeId")
			.asLong();
		assertThat(api.get("/api/programmes/" + id).get("rounds")).hasSize(2);
		assertThat(api.get("/api/programmes/" + split).get("rounds")).hasSize(1);
		assertThat(api.postJson("/api/admin/programmes/" + id + "/split", "{\"callIds\": [" + lastRound + "]}")
			.statusCode()).isEqualTo(422);
		api.postJson("/api/admin/programmes/" + id + "/merge", "{\"programmeId\": " + split + "}");
		assertThat(api.get("/api/programmes/" + id).get("rounds")).hasSize(3);
		assertThat(api.fetch("/api/programmes/" + split).statusCode()).isEqualTo(404);

		try {
			// February 2027: the real call appears and replaces the expectation.
			this.clock.set(Instant.parse("2027-02-10T15:00:00Z"));
			ProgrammeFeeds.importRound(api, SOURCE, FUNDER, "Fondo Ciudades Verdes 2027: movilidad sostenible",
					"4 de febrero de 2027", "22 de marzo de 2027", "60.000");
			JsonNode fulfilled = awaitProgramme(api, 4);
			assertThat(fulfilled.get("id").asLong()).isEqualTo(id);
			assertThat(fulfilled.get("expectedMonth").asString()).isEqualTo("2028-02");
			assertThat(api.get("/api/programmes/" + id).get("checks").toString())
				.contains("Se esperaba en febrero de 2027 y abrió el 04/02/2027.");
			// Lima applies to this round with its cycle-lane project, and wins.
			long round2027 = api.get("/api/programmes/" + id).get("rounds").get(3).get("callId").asLong();
			long matchId = Awaitility.await()
				.ignoreExceptions()
				.atMost(Duration.ofSeconds(10))
				.until(() -> Api.matchFor(api.get("/api/projects/" + ciclovias + "/matches"), round2027),
						found -> found != null)
				.get("matchId")
				.asLong();
			for (String move : List.of("{\"to\": \"en evaluación\"}", "{\"to\": \"postulando\"}",
					"{\"to\": \"presentada\"}", "{\"to\": \"adjudicada\", \"award\": {\"amount\": 55000, "
							+ "\"currency\": \"USD\", \"awardedOn\": \"2027-02-10\"}}")) {
				HttpResponse<String> moved = api.postJson("/api/applications/" + matchId + "/transitions", move);
				assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
			}
			JsonNode lima = api.get("/api/programmes/" + id).get("rounds").get(3).get("applications");
			assertThat(lima).hasSize(1);
			assertThat(lima.get(0).get("projectCode").asString()).isEqualTo("P-11-CICLOVIAS");
			assertThat(lima.get(0).get("applied").asBoolean()).isTrue();
			assertThat(lima.get(0).get("won").asBoolean()).isTrue();
			assertThat(lima.get(0).get("awarded").decimalValue()).isEqualByComparingTo("55000");
			assertThat(pages.get("/programas/" + id).body()).contains("adjudicada", "55,000.00");
			assertThat(api.get("/api/programmes/" + id).get("rounds").get(2).get("applications")).isEmpty();
			// April 2028: February passed without a round.
			this.clock.set(Instant.parse("2028-04-15T15:00:00Z"));
			JsonNode missed = api.get("/api/programmes/" + id);
			assertThat(missed.get("missed").toString()).contains("No se abrió en febrero de 2028 como se esperaba.");
			assertThat(missed.get("expectation").asString()).endsWith("se espera en febrero de 2029.");
			assertThat(missed.get("confidence").asString()).startsWith("Confianza media: 4 de 5 años");
		}
		finally {
			this.clock.set(START);
		}
	}

	/** The programme of this funder, once it has {@code rounds} rounds. */
	private static JsonNode awaitProgramme(Api api, int rounds) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> find(api.get("/api/programmes")),
					found -> found != null && found.get("rounds").asInt() == rounds);
	}

	private static JsonNode find(JsonNode programmes) {
		for (JsonNode programme : programmes) {
			if (FUNDER.equals(programme.get("funder").asString())) {
				return programme;
			}
		}
		return null;
	}

	private static JsonNode soonOf(Api api, long id) {
		List<JsonNode> found = new java.util.ArrayList<>();
		api.get("/api/programmes/soon").forEach(s -> {
			if (s.get("programme").get("id").asLong() == id) {
				found.add(s);
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
