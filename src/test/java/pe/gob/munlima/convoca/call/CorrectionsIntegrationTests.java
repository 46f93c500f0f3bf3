package pe.gob.munlima.convoca.call;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.WebContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office corrects what Convoca read in a call (issue 17): every verdict of the call
 * follows at once, the reasons say who confirmed the fact, and the correction survives a
 * source that sends the call again, an index rebuild and a re-judging by the rules; when
 * the source changes a corrected fact, the office sees the conflict and decides.
 */
class CorrectionsIntegrationTests extends WebContextTestSupport {

	/**
	 * A call that does not say who may apply; each test gives its own subject and day, so
	 * that no two of them are taken for the same call listed twice.
	 */
	private static String mobility(String subject, int day) {
		return "Financiamiento no reembolsable para " + subject + " en ciudades de América Latina, incluido el Perú. "
				+ "Monto máximo: USD 200.000 por proyecto. Fecha límite: " + day + " de marzo de 2027.";
	}

	@Test
	void aCorrectionReJudgesEveryVerdictOfTheCallAndSaysWhoConfirmedIt() {
		Api api = api();
		long call = api.importCall("corr-a", "Fondo Alfa de ciclovías", mobility("ciclovías y movilidad urbana", 3));
		long project = api.projectId("P-10-VEHICULOS-ELECTRICOS");
		JsonNode before = api.get("/api/eligibility?call=" + call + "&project=" + project);
		assertThat(ruleIds(before)).contains("applicant-type-unknown");

		HttpResponse<String> corrected = api.postJson("/api/admin/calls/" + call + "/corrections",
				"{\"facts\": {\"applicantTypes\": [\"LOCAL_GOVERNMENT\", \"NGO\"]},"
						+ " \"evidence\": \"Correo del donante del 2 de diciembre: pueden postular municipios.\","
						+ " \"note\": \"Confirmado por teléfono con el donante\"}");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(api.json(corrected).get("changes").toString()).contains("LOCAL_GOVERNMENT, NGO");

		// The stored verdicts moved with the correction, before the answer came back.
		JsonNode stored = Api.matchFor(api.get("/api/projects/" + project + "/matches"), call);
		assertThat(stored.get("reasons").toString()).doesNotContain("applicant-type-unknown")
			.contains("applicant-type-ok")
			.contains("Confirmado por la Subgerencia el 24/11/2026 (" + Api.ADMIN + ")");
		JsonNode history = api.get("/api/calls/" + call + "/versions");
		assertThat(history.get(history.size() - 1).toString()).contains("LOCAL_GOVERNMENT, NGO");
		JsonNode corrections = api.get("/api/calls/" + call + "/corrections");
		assertThat(corrections).hasSize(1);
		assertThat(corrections.get(0).get("author").asString()).isEqualTo(Api.ADMIN);
		assertThat(corrections.get(0).get("note").asString()).isEqualTo("Confirmado por teléfono con el donante");

		// The correction teaches the reader: the call exports as evaluation cases, and
		// the report counts it under its criterion and its source.
		JsonNode cases = api.get("/api/admin/calls/" + call + "/corrections/evaluation-cases");
		JsonNode electric = null;
		for (JsonNode c : cases) {
			if ("P-10-VEHICULOS-ELECTRICOS".equals(c.get("project").get("code").asString())) {
				electric = c;
			}
		}
		assertThat(electric).isNotNull();
		assertThat(electric.get("text").asString()).contains("ciclovías");
		assertThat(electric.get("expectedVerdict").asString()).isEqualTo(stored.get("verdict").asString());
		assertThat(electric.get("correctedFacts").get("applicantTypes").get("value").toString())
			.isEqualTo("[\"LOCAL_GOVERNMENT\",\"NGO\"]");
		assertThat(electric.get("correctedFacts").get("applicantTypes").get("readAs").isNull()).isTrue();
		JsonNode report = api.get("/api/admin/corrections/report");
		assertThat(report.get("byCriterion").toString()).contains("\"key\":\"applicantTypes\"");
		assertThat(report.get("bySource").toString()).contains("\"key\":\"correo-corr-a\"");
	}

	@Test
	void aCorrectionSurvivesTheSourceSendingTheCallAgainARebuildARematchAndARuleActivation() {
		Api api = api();
		String text = mobility("transporte público eléctrico", 5);
		long call = api.importCall("corr-b", "Programa Beta de buses eléctricos", text);
		correct(api, call,
				"{\"applicantTypes\": [\"LOCAL_GOVERNMENT\"], \"amountMax\": 150000, \"currency\": \"USD\"}");

		// The source sends the call again with another wording that says nothing new of
		// the corrected facts: the correction stays, no conflict.
		api.importCall("corr-b", "Programa Beta de buses eléctricos", text + " Consultas: fondo@example.org.");
		assertThat(requirement(api, call, "applicants", "applicantTypes")).isEqualTo("[\"LOCAL_GOVERNMENT\"]");
		assertThat(requirement(api, call, "money", "amountMax")).isEqualTo("150000");
		assertThat(api.get("/api/admin/corrections/conflicts").toString()).doesNotContain("\"callId\":" + call + ",");

		HttpResponse<String> rebuild = api.postEmpty("/api/admin/index/rebuild");
		assertThat(rebuild.statusCode()).as(rebuild.body()).isBetween(200, 202);
		HttpResponse<String> rematch = api.postEmpty("/api/admin/matches/rematch");
		assertThat(rematch.statusCode()).as(rematch.body()).isBetween(200, 202);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !api.get("/api/admin/matches/rematch").path("running").asBoolean(false));
		long project = api.projectId("P-10-VEHICULOS-ELECTRICOS");
		JsonNode stored = Api.matchFor(api.get("/api/projects/" + project + "/matches"), call);
		assertThat(stored.get("reasons").toString()).contains("applicant-type-ok")
			.contains("Confirmado por la Subgerencia");
		assertThat(requirement(api, call, "applicants", "applicantTypes")).isEqualTo("[\"LOCAL_GOVERNMENT\"]");

		// A rule set activated judges every open call again: the correction still holds.
		String parameters = api.text("/api/admin/rules/parameters.yaml");
		assertThat(api.put("/api/admin/rules/parameters.yaml", parameters + "\n# revisado\n").statusCode())
			.isEqualTo(200);
		HttpResponse<String> activated = api.postEmpty("/api/admin/rules/activate");
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		String version = api.json(activated).get("version").asString();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(Api.matchFor(api.get("/api/projects/" + project + "/matches"), call)
					.get("ruleSetVersion")
					.asString()).isEqualTo(version));
			JsonNode rejudged = Api.matchFor(api.get("/api/projects/" + project + "/matches"), call);
			assertThat(rejudged.get("reasons").toString()).contains("applicant-type-ok")
				.contains("Confirmado por la Subgerencia");
		}
		finally {
			assertThat(api.postEmpty("/api/admin/rules/rollback").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void whenTheSourceChangesACorrectedFactTheOfficeSeesTheConflictAndDecides() {
		Api api = api();
		String title = "Iniciativa Gamma de movilidad peatonal";
		String text = mobility("movilidad peatonal y calles seguras", 9);
		long call = api.importCall("corr-c", title, text);
		correct(api, call, "{\"applicantTypes\": [\"LOCAL_GOVERNMENT\"]}");

		api.importCall("corr-c", title, text + " Pueden postular únicamente organizaciones no gubernamentales.");
		// Nothing is silently overwritten: the office's value holds, the source's waits.
		assertThat(requirement(api, call, "applicants", "applicantTypes")).isEqualTo("[\"LOCAL_GOVERNMENT\"]");
		JsonNode conflict = conflictOf(api, call);
		assertThat(conflict.get("conflictValue").toString()).contains("NGO");
		assertThat(conflict.get("value").toString()).contains("LOCAL_GOVERNMENT");

		// Keep: settled until the source changes it again.
		HttpResponse<String> kept = api
			.postEmpty("/api/admin/calls/" + call + "/corrections/" + conflict.get("id").asLong() + "/keep");
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(204);
		assertThat(conflictOf(api, call)).isNull();

		api.importCall("corr-c", title, text + " Pueden postular únicamente universidades.");
		JsonNode again = conflictOf(api, call);
		assertThat(again.get("conflictValue").toString()).contains("UNIVERSITY");
		// Take the source's word: the call says what the source says again.
		HttpResponse<String> withdrawn = api
			.postEmpty("/api/admin/calls/" + call + "/corrections/" + again.get("id").asLong() + "/withdraw");
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(requirement(api, call, "applicants", "applicantTypes")).contains("UNIVERSITY")
			.doesNotContain("LOCAL_GOVERNMENT");
		assertThat(conflictOf(api, call)).isNull();
	}

	@Test
	void aWrongCorrectionIsRefusedWithAClearMessageAndNothingChanges() {
		Api api = api();
		long call = api.importCall("corr-d", "Concurso Delta de logística urbana",
				mobility("logística urbana de carga", 12));
		HttpResponse<String> unknown = api.postJson("/api/admin/calls/" + call + "/corrections",
				"{\"facts\": {\"colour\": \"blue\"}}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("No se puede corregir «colour»");
		HttpResponse<String> wrongKind = api.postJson("/api/admin/calls/" + call + "/corrections",
				"{\"facts\": {\"amountMax\": \"mucho\"}}");
		assertThat(wrongKind.statusCode()).isEqualTo(422);
		assertThat(wrongKind.body()).contains("«mucho» no es un valor válido");
		assertThat(api.get("/api/calls/" + call + "/corrections")).isEmpty();
	}

	@Test
	void aProjectOwnerCannotCorrectACall() {
		Api api = api();
		long call = api.importCall("corr-e", "Premio Épsilon a la seguridad vial",
				mobility("seguridad vial escolar", 17));
		HttpResponse<String> refused = api.as(OWNER, OWNER_PASSWORD)
			.postJson("/api/admin/calls/" + call + "/corrections", "{\"facts\": {\"applicantTypes\": [\"NGO\"]}}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(api.as(OWNER, OWNER_PASSWORD).get("/api/calls/" + call + "/corrections")).isEmpty();
		assertThat(api.as(SUBGERENCIA, SUBGERENCIA_PASSWORD)
			.postJson("/api/admin/calls/" + call + "/corrections", "{\"facts\": {\"applicantTypes\": [\"NGO\"]}}")
			.statusCode()).isEqualTo(200);
	}

	static void correct(Api api, long call, String facts) {
		HttpResponse<String> corrected = api.postJson("/api/admin/calls/" + call + "/corrections",
				"{\"facts\": " + facts + ", \"evidence\": \"Bases, sección 3\"}");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
	}

	static JsonNode conflictOf(Api api, long call) {
		for (JsonNode conflict : api.get("/api/admin/corrections/conflicts")) {
			if (conflict.get("callId").asLong() == call) {
				return conflict;
			}
		}
		return null;
	}

	static String requirement(Api api, long call, String group, String fact) {
		return api.get("/api/calls/" + call).path("requirements").path(group).path(fact).path("value").toString();
	}

	static java.util.List<String> ruleIds(JsonNode eligibility) {
		java.util.List<String> ids = new java.util.ArrayList<>();
		eligibility.get("reasons").forEach(reason -> ids.add(reason.get("ruleId").asString()));
		return ids;
	}

}
