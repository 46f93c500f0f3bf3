package pe.gob.munlima.convoca.tracking;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TrackingContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline through the real API and PostgreSQL: every allowed move, the refused ones
 * with their Spanish problem+json, who may move what, and a history that is complete,
 * ordered and never rewritten.
 */
class PipelineIntegrationTests extends TrackingContextTestSupport {

	/** The demo call every mobility project of the tests matches. */
	static final String MOBILITY_CALL = "[Demo] Fondo de Movilidad Urbana Sostenible";

	@BeforeEach
	void today() {
		this.clock.set(START);
	}

	/**
	 * A fresh project of {@code gerencia} about mobility, and its match with the demo
	 * mobility call: an application nobody has touched.
	 */
	long newMatch(String gerencia) {
		return newMatch(gerencia, "[\"mobility\"]", 300000, MOBILITY_CALL);
	}

	@Test
	void anUntouchedMatchIsIdentifiedWithTheFindingAsItsHistory() {
		long matchId = newMatch("GMU");

		JsonNode application = api().get("/api/applications/" + matchId);

		assertThat(application.get("tracked").asBoolean()).isFalse();
		assertThat(application.get("stage").asString()).isEqualTo("IDENTIFIED");
		assertThat(application.get("stageLabel").asString()).isEqualTo("identificada");
		assertThat(stages(application.get("transitions"))).containsExactly("EVALUATING", "DISCARDED");
		assertThat(application.get("history")).hasSize(1);
		assertThat(application.get("history").get(0).get("by").asString()).isEqualTo("convoca");
		assertThat(application.get("checklist")).isEmpty();
	}

	@Test
	void theWholeWayToAnAwardIsRecordedInOrderWithWhoWhenAndNotes() {
		long matchId = newMatch("GMU");
		Api owner = api().as(OWNER, OWNER_PASSWORD);

		this.clock.setDay("2026-11-25");
		move(owner, matchId, "{\"to\": \"en evaluación\", \"note\": \"Revisado con la gerencia\"}");
		this.clock.setDay("2026-11-27");
		move(owner, matchId, "{\"to\": \"postulando\"}");
		this.clock.setDay("2026-12-10");
		move(api().as(SUBGERENCIA, SUBGERENCIA_PASSWORD), matchId,
				"{\"to\": \"SUBMITTED\", \"requested\": {\"amount\": 250000.50, \"currency\": \"usd\"}}");
		this.clock.setDay("2027-01-20");
		JsonNode awarded = move(owner, matchId, """
				{"to": "adjudicada", "note": "Carta del donante",
				 "award": {"amount": 240000, "currency": "USD", "awardedOn": "2027-01-18",
				           "documentType": "convenio", "documentReference": "Convenio N° 045-2026-MML"}}
				""");

		assertThat(awarded.get("stage").asString()).isEqualTo("AWARDED");
		assertThat(awarded.get("transitions")).as("a final stage is never left").isEmpty();
		JsonNode history = awarded.get("history");
		assertThat(history).hasSize(5);
		List<String> steps = new ArrayList<>();
		for (JsonNode entry : history) {
			steps.add(entry.get("fromLabel").asString(null) + " -> " + entry.get("toLabel").asString() + " by "
					+ entry.get("by").asString() + " at " + entry.get("at").asString());
		}
		assertThat(steps).containsExactly("null -> identificada by convoca at 2026-11-24T15:00:00Z",
				"identificada -> en evaluación by movilidad at 2026-11-25T17:00:00Z",
				"en evaluación -> postulando by movilidad at 2026-11-27T17:00:00Z",
				"postulando -> presentada by subgerencia at 2026-12-10T17:00:00Z",
				"presentada -> adjudicada by movilidad at 2027-01-20T17:00:00Z");
		assertThat(history.get(1).get("note").asString()).isEqualTo("Revisado con la gerencia");
		assertThat(history.get(4).get("note").asString()).isEqualTo("Carta del donante");
		assertThat(awarded.get("requested").get("amount").decimalValue()).isEqualByComparingTo("250000.50");
		assertThat(awarded.get("requested").get("currency").asString()).isEqualTo("USD");
		JsonNode award = awarded.get("award");
		assertThat(award.get("amount").decimalValue()).isEqualByComparingTo("240000");
		assertThat(award.get("awardedOn").asString()).isEqualTo("2027-01-18");
		assertThat(award.get("documentType").asString()).isEqualTo("CONVENIO");
		assertThat(award.get("documentTypeLabel").asString()).isEqualTo("convenio");
		assertThat(award.get("documentReference").asString()).isEqualTo("Convenio N° 045-2026-MML");

		// A later correction is appended; the application shows the last one.
		HttpResponse<String> corrected = owner.putJson("/api/applications/" + matchId + "/award", """
				{"amount": 245000, "currency": "USD", "awardedOn": "2027-01-18", "documentType": "DONACION",
				 "documentReference": "Resolución N° 12-2027"}""");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(owner.json(corrected).get("award").get("documentTypeLabel").asString()).isEqualTo("donación");
		assertThat(owner.json(corrected).get("history")).as("an award correction is no move").hasSize(5);
	}

	@Test
	void everyMoveTheTableAllowsIsAccepted() {
		// [path of moves], each from a fresh match: together they take every allowed
		// edge.
		List<List<String>> paths = List.of(List.of("EVALUATING", "APPLYING", "SUBMITTED", "NOT_AWARDED"),
				List.of("DISCARDED"), List.of("EVALUATING", "DISCARDED"),
				List.of("EVALUATING", "APPLYING", "EVALUATING", "APPLYING", "DISCARDED"),
				List.of("EVALUATING", "APPLYING", "SUBMITTED", "DISCARDED"));
		for (List<String> path : paths) {
			long matchId = newMatch("GMU");
			for (String to : path) {
				String body = to.equals("DISCARDED") ? "{\"to\": \"DISCARDED\", \"reason\": \"NOT_A_PRIORITY\"}"
						: "{\"to\": \"" + to + "\"}";
				assertThat(move(api(), matchId, body).get("stage").asString()).isEqualTo(to);
			}
			JsonNode history = api().get("/api/applications/" + matchId).get("history");
			assertThat(history).hasSize(path.size() + 1);
			assertThat(history.get(path.size()).get("to").asString()).isEqualTo(path.get(path.size() - 1));
		}
	}

	@Test
	void skippingAStageIsRefusedWithTheStagesAllowed() {
		long matchId = newMatch("GMU");

		JsonNode problem = refused(api().postJson(path(matchId), "{\"to\": \"postulando\"}"), 409);

		assertThat(problem.get("detail").asString())
			.isEqualTo("No se puede pasar de «identificada» a «postulando». Desde «identificada» se puede pasar a: "
					+ "en evaluación, descartada.");
		assertThat(problem.get("title").asString()).isEqualTo("Conflicto");
		refused(api().postJson(path(matchId), "{\"to\": \"SUBMITTED\"}"), 409);
		assertThat(api().get("/api/applications/" + matchId).get("stage").asString()).isEqualTo("IDENTIFIED");
	}

	@Test
	void aFinalStageIsNeverLeftAndTheSameStageIsNoMove() {
		long matchId = newMatch("GMU");
		move(api(), matchId, "{\"to\": \"EVALUATING\"}");
		assertThat(refused(api().postJson(path(matchId), "{\"to\": \"EVALUATING\"}"), 409).get("detail").asString())
			.isEqualTo("La postulación ya está en la etapa «en evaluación».");
		move(api(), matchId, "{\"to\": \"DISCARDED\", \"reason\": \"OTHER\", \"note\": \"El alcalde lo descartó\"}");

		for (String to : List.of("EVALUATING", "APPLYING", "AWARDED", "IDENTIFIED")) {
			assertThat(refused(api().postJson(path(matchId), "{\"to\": \"" + to + "\"}"), 409).get("detail").asString())
				.isEqualTo("La postulación está en «descartada», una etapa final: ya no cambia de etapa.");
		}
		JsonNode history = api().get("/api/applications/" + matchId).get("history");
		assertThat(history).hasSize(3);
		assertThat(history.get(2).get("reasonLabel").asString()).isEqualTo("otro");
		assertThat(history.get(2).get("note").asString()).isEqualTo("El alcalde lo descartó");
	}

	@Test
	void anAwardNeedsAmountCurrencyAndDateAndTheRestIsChecked() {
		long matchId = newMatch("GMU");
		for (String to : List.of("EVALUATING", "APPLYING", "SUBMITTED")) {
			move(api(), matchId, "{\"to\": \"" + to + "\"}");
		}

		assertThat(refused(api().postJson(path(matchId), "{\"to\": \"AWARDED\"}"), 422).get("detail").asString())
			.isEqualTo("Para marcar la postulación como adjudicada indique el monto, la moneda y la fecha de "
					+ "adjudicación (award.amount, award.currency, award.awardedOn).");
		refused(api().postJson(path(matchId),
				"{\"to\": \"AWARDED\", \"award\": {\"currency\": \"USD\", \"awardedOn\": \"2026-11-20\"}}"), 422);
		assertThat(refused(api().postJson(path(matchId),
				"{\"to\": \"AWARDED\", \"award\": {\"amount\": 0, \"currency\": \"USD\", \"awardedOn\": \"2026-11-20\"}}"),
				422)
			.get("detail")
			.asString()).isEqualTo("El monto adjudicado debe ser mayor que cero, con dos decimales como máximo.");
		assertThat(refused(api().postJson(path(matchId),
				"{\"to\": \"AWARDED\", \"award\": {\"amount\": 10, \"currency\": \"SOLES\", \"awardedOn\": \"2026-11-20\"}}"),
				422)
			.get("detail")
			.asString()).isEqualTo("«SOLES» no es un código de moneda ISO 4217 (PEN, USD, EUR...).");
		assertThat(refused(api().postJson(path(matchId),
				"{\"to\": \"AWARDED\", \"award\": {\"amount\": 10, \"currency\": \"PEN\", \"awardedOn\": \"2027-01-01\"}}"),
				422)
			.get("detail")
			.asString()).isEqualTo("La fecha de adjudicación (2027-01-01) no puede ser posterior a hoy.");
		assertThat(refused(api().postJson(path(matchId),
				"{\"to\": \"AWARDED\", \"award\": {\"amount\": 10, \"currency\": \"PEN\", \"awardedOn\": \"2026-11-20\", "
						+ "\"documentType\": \"contrato\"}}"),
				422)
			.get("detail")
			.asString()).isEqualTo("El documento «contrato» no está en la lista: convenio, donación, hermanamiento.");
		// An award given when not awarding, and a not-awarded application's award, are
		// refused.
		assertThat(refused(api().postJson(path(matchId),
				"{\"to\": \"NOT_AWARDED\", \"award\": {\"amount\": 10, \"currency\": \"PEN\", \"awardedOn\": \"2026-11-20\"}}"),
				422)
			.get("detail")
			.asString()).isEqualTo("Los datos de adjudicación (award) solo se indican al pasar a «adjudicada».");
		assertThat(api().get("/api/applications/" + matchId).get("stage").asString()).isEqualTo("SUBMITTED");
		refused(api().putJson("/api/applications/" + matchId + "/award",
				"{\"amount\": 10, \"currency\": \"PEN\", \"awardedOn\": \"2026-11-20\"}"), 409);
	}

	@Test
	void aDiscardNeedsAReasonFromTheListAndOtherNeedsANote() {
		long matchId = newMatch("GMU");

		assertThat(refused(api().postJson(path(matchId), "{\"to\": \"descartada\"}"), 422).get("detail").asString())
			.isEqualTo("Para descartar la postulación indique el motivo (reason): requisito no cumplible, "
					+ "plazo insuficiente, sin contrapartida, fuera de prioridad, otro.");
		assertThat(refused(api().postJson(path(matchId), "{\"to\": \"descartada\", \"reason\": \"aburrida\"}"), 422)
			.get("detail")
			.asString()).startsWith("El motivo «aburrida» no está en la lista:");
		assertThat(refused(api().postJson(path(matchId), "{\"to\": \"descartada\", \"reason\": \"OTHER\"}"), 422)
			.get("detail")
			.asString()).isEqualTo("El motivo «otro» necesita una explicación en la nota (note).");
		assertThat(refused(api().postJson(path(matchId), "{\"to\": \"EVALUATING\", \"reason\": \"OTHER\"}"), 422)
			.get("detail")
			.asString()).isEqualTo("El motivo (reason) solo se indica al descartar una postulación.");
		JsonNode unknown = refused(api().postJson(path(matchId), "{\"to\": \"ganada\"}"), 400);
		assertThat(unknown.get("detail").asString()).startsWith("La etapa «ganada» no existe. Etapas: identificada,");

		JsonNode discarded = move(api(), matchId, "{\"to\": \"descartada\", \"reason\": \"no_co_financing\"}");
		assertThat(discarded.get("history").get(1).get("reason").asString()).isEqualTo("NO_CO_FINANCING");
		assertThat(discarded.get("history").get(1).get("reasonLabel").asString()).isEqualTo("sin contrapartida");
	}

	@Test
	void aProjectOwnerMovesOnlyItsOwnGerenciasApplications() {
		long otherGerencias = newMatch("GDE");
		Api owner = api().as(OWNER, OWNER_PASSWORD);

		JsonNode problem = refused(owner.postJson(path(otherGerencias), "{\"to\": \"EVALUATING\"}"), 403);
		assertThat(problem.get("detail").asString())
			.isEqualTo("Solo puede actuar sobre los proyectos de su gerencia (GMU); GDE no es la suya.");
		refused(owner.postJson("/api/applications/" + otherGerencias + "/tasks", "{\"title\": \"Intruso\"}"), 403);
		JsonNode read = owner.get("/api/applications/" + otherGerencias);
		assertThat(read.get("stage").asString()).as("reading is allowed, nothing moved").isEqualTo("IDENTIFIED");
		assertThat(read.get("mayChange").asBoolean()).isFalse();
		assertThat(read.get("tracked").asBoolean()).isFalse();

		Api gde = api().user("rosa-gde", "PROJECT_OWNER", "GDE");
		assertThat(move(gde, otherGerencias, "{\"to\": \"EVALUATING\"}").get("mayChange").asBoolean()).isTrue();
	}

	@Test
	void refusalsSpeakEnglishWhenAsked() {
		long matchId = newMatch("GMU");
		HttpResponse<String> response = api().send(java.net.http.HttpRequest.newBuilder(api().uri(path(matchId)))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\": \"APPLYING\"}"))
			.build());

		assertThat(refused(response, 409).get("detail").asString()).isEqualTo(
				"An application cannot go from \"identified\" to \"applying\". From \"identified\" it can go to: "
						+ "under evaluation, discarded.");
	}

	@Test
	void aGerenciaWithoutAProjectOrAnUnknownMatchHasNoApplication() {
		long gerenciaId = api().get("/api/gerencias").get(0).get("id").asLong();
		JsonNode gerenciaMatch = null;
		for (JsonNode gerencia : api().get("/api/gerencias")) {
			JsonNode found = api().get("/api/gerencias/" + gerencia.get("id").asLong() + "/matches");
			if (!found.isEmpty()) {
				gerenciaMatch = found.get(0);
				break;
			}
		}
		assertThat(gerenciaId).isPositive();
		assertThat(gerenciaMatch).as("the demo has calls that fit a gerencia without a project").isNotNull();

		refused(api().postJson(path(gerenciaMatch.get("matchId").asLong()), "{\"to\": \"EVALUATING\"}"), 422);
		assertThat(refused(api().fetch("/api/applications/999999"), 404).get("detail").asString())
			.isEqualTo("No existe la coincidencia 999999.");
	}

	@Test
	void theListFiltersByStageAndGerenciaAndThePipelineIsDescribed() {
		long gmu = newMatch("GMU");
		long gde = newMatch("GDE");
		move(api(), gmu, "{\"to\": \"EVALUATING\"}");
		move(api(), gde, "{\"to\": \"EVALUATING\"}");
		move(api(), gde, "{\"to\": \"APPLYING\"}");

		assertThat(matchIds(api().get("/api/applications?stage=en%20evaluaci%C3%B3n&gerencia=GMU"))).contains(gmu)
			.doesNotContain(gde);
		assertThat(matchIds(api().get("/api/applications?stage=APPLYING"))).contains(gde).doesNotContain(gmu);
		assertThat(matchIds(api().get("/api/applications?gerencia=GDE"))).contains(gde).doesNotContain(gmu);
		refused(api().fetch("/api/applications?stage=ganada"), 400);

		JsonNode pipeline = api().get("/api/applications/pipeline");
		assertThat(pipeline.get("stages")).hasSize(7);
		assertThat(pipeline.get("stages").get(2).get("alias").asString()).isEqualTo("postulando");
		assertThat(pipeline.get("documentTypes").get(2).get("label").asString()).isEqualTo("hermanamiento");
	}

	@Test
	void aTrackedMatchIsKeptWhenItStopsBeingACandidate() {
		String trackedCode = newProject("GMU", "[\"mobility\"]", 300000);
		long tracked = match(api().callId(MOBILITY_CALL), trackedCode).get("matchId").asLong();
		String untrackedCode = newProject("GMU", "[\"mobility\"]", 300000);
		long untracked = match(api().callId(MOBILITY_CALL), untrackedCode).get("matchId").asLong();
		move(api(), tracked, "{\"to\": \"EVALUATING\"}");

		// Both projects turn to sport in the sports gerencia: the mobility call is no
		// longer a candidate for either.
		for (String code : List.of(trackedCode, untrackedCode)) {
			long id = api().projectId(code);
			HttpResponse<String> edited = api().putJson("/api/projects/" + id, String.format(Locale.ROOT, """
					{"code": "%s", "gerencia": "GCEDE", "title": "Juegos deportivos", "description": "Deporte barrial.",
					 "themes": ["sport"], "budget": 900000, "requestedAmount": 300000, "currency": "USD",
					 "coFinancingAvailable": 300000, "durationMonths": 24, "languages": ["es"]}
					""", code));
			assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		}

		assertThat(api().fetch("/api/applications/" + untracked).statusCode()).as("removed, as before").isEqualTo(404);
		JsonNode kept = api().get("/api/applications/" + tracked);
		assertThat(kept.get("stage").asString()).isEqualTo("EVALUATING");
		assertThat(kept.get("history")).hasSize(2);
	}

	static String path(long matchId) {
		return "/api/applications/" + matchId + "/transitions";
	}

	JsonNode refused(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		return api().json(response);
	}

	static List<String> stages(JsonNode options) {
		List<String> codes = new ArrayList<>();
		options.forEach(option -> codes.add(option.get("code").asString()));
		return codes;
	}

	static List<Long> matchIds(JsonNode list) {
		List<Long> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.get("matchId").asLong()));
		return ids;
	}

}
