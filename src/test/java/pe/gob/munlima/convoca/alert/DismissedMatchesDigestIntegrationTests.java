package pe.gob.munlima.convoca.alert;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.match.MatchedCall;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pair its gerencia answered "no aplica" leaves the weekly digest (new matches, and the
 * gerencia's fit behind "closing soon" and "changed"); answering again brings it back.
 */
class DismissedMatchesDigestIntegrationTests extends AlertTestSupport {

	@Autowired
	DigestBuilder digests;

	@Test
	void aNoAplicaIsNotRepeatedByTheDigest() {
		store("fondo-respuestas", "Fundación Respuestas",
				call("ciclovias-respuestas", "Ciclovías seguras para ciudades latinoamericanas (respuestas)",
						"<p>Subvenciones para ciclovías, bicicletas públicas y movilidad urbana sostenible.</p>"
								+ "<p>Pueden postular municipalidades y gobiernos locales de América Latina.</p>"
								+ "<p>Aporte de hasta EUR 400.000 por ciudad.</p>"
								+ "<p>Fecha límite: 15 de marzo de 2027.</p>"));
		long callId = callId("ciclovias-respuestas");
		HttpResponse<String> project = this.api.postJson("/api/projects", """
				{"code": "P-RESPUESTAS-CICLOVIAS", "gerencia": "GMU", "title": "Ciclovías seguras del Cercado",
				 "description": "Ciclovías, bicicletas públicas y movilidad urbana sostenible en el Cercado de Lima.",
				 "themes": ["mobility"], "budget": 900000, "requestedAmount": 300000, "currency": "USD",
				 "coFinancingAvailable": 300000, "durationMonths": 24, "languages": ["es"]}
				""");
		assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
		long projectId = this.api.json(project).get("id").asLong();
		MatchedCall match = this.digests.collect("2026-W48", null, START)
			.newMatches()
			.stream()
			.filter(m -> m.callId() == callId && Long.valueOf(projectId).equals(m.projectId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The project is not a new match of the call: "
					+ this.api.get("/api/calls/" + callId + "/matches")));

		HttpResponse<String> answered = this.api.as("movilidad", "movilidad-demo")
			.postJson("/api/matches/" + match.matchId() + "/answers",
					"{\"answer\": \"no aplica\", \"reason\": \"ALREADY_FUNDED\"}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
		DigestData after = this.digests.collect("2026-W48", null, Instant.parse("2026-11-24T15:00:00Z"));
		assertThat(after.newMatches()).extracting(MatchedCall::matchId).doesNotContain(match.matchId());

		this.api.as("movilidad", "movilidad-demo")
			.postJson("/api/matches/" + match.matchId() + "/answers",
					"{\"answer\": \"nos interesa\", \"reason\": \"PRIORITY\"}");
		assertThat(this.digests.collect("2026-W48", null, START).newMatches()).extracting(MatchedCall::matchId)
			.contains(match.matchId());
	}

}
