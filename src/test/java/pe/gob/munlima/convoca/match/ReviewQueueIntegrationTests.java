package pe.gob.munlima.convoca.match;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue (issue 17): a doubt about a call is asked once, however many projects
 * it holds at review, with how many verdicts one answer settles; answering it from the
 * queue takes one click and judges every verdict of the call again.
 */
class ReviewQueueIntegrationTests extends WebContextTestSupport {

	private static final String TEXT = "Fondos no reembolsables para movilidad eléctrica y buses de cero emisiones en "
			+ "ciudades de América Latina, incluido el Perú. Monto máximo: USD 2.000.000 por proyecto. "
			+ "Fecha límite: 21 de abril de 2027.";

	@Test
	void aDoubtAboutTheCallIsAskedOnceAndOneClickSettlesEveryVerdictItHolds() {
		Api api = api();
		long call = api.importCall("cola-a", "Fondo Zeta de electromovilidad", TEXT);
		int held = 0;
		for (JsonNode match : api.get("/api/calls/" + call + "/matches")) {
			if ("NEEDS_REVIEW".equals(match.get("verdict").asString())
					&& match.get("reasons").toString().contains("applicant-type-unknown")) {
				held++;
			}
		}
		assertThat(held).as("verdicts at review because the call does not say who may apply").isGreaterThan(1);

		JsonNode doubt = doubt(api, call, "applicantTypes");
		assertThat(doubt).as("one question for the call, not one per project").isNotNull();
		assertThat(doubt.get("verdicts").asInt()).isEqualTo(held);
		assertThat(doubt.get("question").asString()).isEqualTo("¿Pueden postular gobiernos locales?");

		PageSession office = new PageSession(this.port);
		assertThat(office.logIn(SUBGERENCIA, SUBGERENCIA_PASSWORD)).isTrue();
		// Click one: the queue.
		HttpResponse<String> queue = office.get("/admin/revision");
		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains("¿Pueden postular gobiernos locales?")
			.contains("resuelve " + held + " evaluaciones")
			.contains("Sí, pueden postular");
		// Click two: the answer.
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("hecho", "applicantTypes");
		answer.put("valor", "LOCAL_GOVERNMENT");
		answer.put("origen", "QUEUE");
		answer.put("volver", "/admin/revision");
		answer.put("_csrf", office.csrfToken("/admin/revision"));
		HttpResponse<String> answered = office.postForm("/admin/convocatorias/" + call + "/correcciones", answer);
		assertThat(answered.statusCode()).isEqualTo(302);
		assertThat(answered.headers().firstValue("Location").orElse("")).endsWith("/admin/revision");

		assertThat(doubt(api, call, "applicantTypes")).as("settled").isNull();
		for (JsonNode match : api.get("/api/calls/" + call + "/matches")) {
			assertThat(match.get("reasons").toString()).doesNotContain("applicant-type-unknown");
		}
		JsonNode correction = api.get("/api/calls/" + call + "/corrections").get(0);
		assertThat(correction.get("origin").asString()).isEqualTo("QUEUE");
		assertThat(correction.get("author").asString()).isEqualTo(SUBGERENCIA);
	}

	@Test
	void theQueueIsTheOfficesAndThePanelCountsItsDoubts() {
		PageSession owner = new PageSession(this.port);
		assertThat(owner.logIn(OWNER, OWNER_PASSWORD)).isTrue();
		assertThat(owner.get("/admin/revision").statusCode()).isEqualTo(403);
		assertThat(owner.get("/").body()).doesNotContain("id=\"doubts\"");
		assertThat(api().as(OWNER, OWNER_PASSWORD).fetch("/api/admin/review").statusCode()).isEqualTo(403);

		PageSession office = new PageSession(this.port);
		assertThat(office.logIn(SUBGERENCIA, SUBGERENCIA_PASSWORD)).isTrue();
		int doubts = api().get("/api/admin/review").size();
		assertThat(office.get("/").body()).contains("id=\"doubts\"").contains("Dudas por resolver");
		assertThat(office.get("/").body())
			.containsPattern(doubts == 1 ? "1 duda en" : doubts + " dudas en|Ninguna duda");
	}

	private static JsonNode doubt(Api api, long call, String fact) {
		for (JsonNode doubt : api.get("/api/admin/review")) {
			if (doubt.get("callId").asLong() == call && fact.equals(doubt.get("fact").asString())) {
				return doubt;
			}
		}
		return null;
	}

}
