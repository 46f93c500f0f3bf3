package pe.gob.munlima.convoca.match;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.TrackingContextTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gerencias' answers through the real API and pages, on the embedded PostgreSQL: who
 * may answer what, the reasons kept as data, the history, the subgerencia's overview, a
 * "no aplica" leaving the Panel and the digest's feed, and "nos interesa" starting the
 * application.
 */
class AnswersIntegrationTests extends TrackingContextTestSupport {

	/** A call a new mobility project is ELIGIBLE for: a match worth a look. */
	static final String MOBILITY_CALL = "[Demo] Fondo de Movilidad Urbana Sostenible";

	static final String THEMES = "[\"mobility\"]";

	@Autowired
	MatchFeed feed;

	@Autowired
	NewMatchSignal signal;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void today() {
		this.clock.set(START);
	}

	private Api owner() {
		return api().as(OWNER, OWNER_PASSWORD);
	}

	private Api subgerencia() {
		return api().as(SUBGERENCIA, SUBGERENCIA_PASSWORD);
	}

	private static JsonNode problem(Api api, HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		return api.json(response);
	}

	@Test
	void aProjectOwnerAnswersForItsOwnGerenciaOnlyAndTheSubgerenciaForAny() {
		long own = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		long other = newMatch("GDE", THEMES, 300000, MOBILITY_CALL);

		HttpResponse<String> answered = owner().postJson("/api/matches/" + own + "/answers",
				"{\"answer\": \"no aplica\", \"reason\": \"NOT_ENOUGH_TIME\", \"note\": \"El Concejo no aprueba a tiempo\"}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
		assertThat(answered.headers().firstValue("Location").orElse("")).endsWith("/api/matches/" + own + "/answers");
		JsonNode answer = owner().json(answered);
		assertThat(answer.get("answer").asString()).isEqualTo("NOT_APPLICABLE");
		assertThat(answer.get("answerLabel").asString()).isEqualTo("no aplica");
		assertThat(answer.get("reasonLabel").asString()).isEqualTo("plazo insuficiente");
		assertThat(answer.get("answeredBy").asString()).isEqualTo(OWNER);
		assertThat(answer.get("answeredAt").asString()).isEqualTo(START.toString());
		assertThat(answer.get("dismissed").asBoolean()).isTrue();

		JsonNode refused = problem(owner(), owner().postJson("/api/matches/" + other + "/answers",
				"{\"answer\": \"INTERESTED\", \"reason\": \"PRIORITY\"}"), 403);
		assertThat(refused.get("detail").asString()).contains("GDE");
		assertThat(owner().get("/api/matches/" + other + "/answers")).as("nothing stored").isEmpty();

		HttpResponse<String> bySubgerencia = subgerencia().postJson("/api/matches/" + other + "/answers",
				"{\"answer\": \"INTERESTED\", \"reason\": \"PRIORITY\"}");
		assertThat(bySubgerencia.statusCode()).as(bySubgerencia.body()).isEqualTo(201);
		assertThat(subgerencia().json(bySubgerencia).get("answeredBy").asString()).isEqualTo(SUBGERENCIA);
	}

	@Test
	void theAnswersAreDescribedInOpenApi() {
		JsonNode paths = api().get("/v3/api-docs").get("paths");
		assertThat(paths.has("/api/matches/{matchId}/answers")).isTrue();
		assertThat(paths.get("/api/matches/{matchId}/answers").get("post").get("responses").has("403")).isTrue();
		assertThat(paths.has("/api/answers")).isTrue();
		assertThat(paths.has("/api/answers/reasons")).isTrue();
	}

	@Test
	void theReasonsComeFromTheListAndEveryRefusalSaysWhy() {
		long match = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		String path = "/api/matches/" + match + "/answers";

		JsonNode reasons = api().get("/api/answers/reasons");
		assertThat(reasons.findValuesAsString("code")).contains("PRIORITY", "NOT_ENOUGH_TIME", "OTHER");
		assertThat(api().get("/api/answers/reasons", "en").findValuesAsString("label")).contains("not enough time");

		assertThat(problem(api(), api().postJson(path, "{\"answer\": \"quizás\", \"reason\": \"PRIORITY\"}"), 400)
			.get("detail")
			.asString()).contains("«quizás» no es una respuesta", "nos interesa", "no aplica");
		assertThat(
				problem(api(), api().postJson(path, "{\"answer\": \"NOT_APPLICABLE\"}"), 422).get("detail").asString())
			.contains("Indique el motivo", "plazo insuficiente");
		assertThat(problem(api(), api().postJson(path, "{\"answer\": \"NOT_APPLICABLE\", \"reason\": \"LUNES\"}"), 422)
			.get("detail")
			.asString()).contains("«LUNES» no es un motivo de la lista");
		assertThat(problem(api(), api().postJson(path, "{\"answer\": \"INTERESTED\", \"reason\": \"NOT_ENOUGH_TIME\"}"),
				422)
			.get("detail")
			.asString()).contains("«plazo insuficiente» no es un motivo para «nos interesa»");
		assertThat(problem(api(), api().postJson(path, "{\"answer\": \"NOT_APPLICABLE\", \"reason\": \"OTHER\"}"), 422)
			.get("detail")
			.asString()).contains("El motivo «otro motivo» necesita una nota");
		assertThat(problem(api(),
				api().postJson(path,
						"{\"answer\": \"NOT_APPLICABLE\", \"reason\": \"OUT_OF_SCOPE\", \"startApplication\": true}"),
				422)
			.get("detail")
			.asString()).contains("Solo «nos interesa» puede iniciar la postulación");
		HttpResponse<String> english = api().send(HttpRequest.newBuilder(api().uri(path))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("{\"answer\": \"NOT_APPLICABLE\", \"reason\": \"OTHER\"}"))
			.build());
		assertThat(problem(api(), english, 422).get("detail").asString())
			.contains("The reason “another reason” needs a note");
		assertThat(
				problem(api(),
						api().postJson("/api/matches/999999/answers",
								"{\"answer\": \"INTERESTED\", \"reason\": \"PRIORITY\"}"),
						404)
					.get("detail")
					.asString())
			.contains("No existe la coincidencia 999999");
		assertThat(api().get(path + "")).as("nothing refused was stored").isEmpty();
	}

	@Test
	void aNoAplicaLeavesThePanelAndTheDigestUntilTheAnswerOrTheVerdictChanges() {
		long match = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		String verdict = this.jdbc.sql("SELECT verdict FROM match WHERE id = ?")
			.param(match)
			.query(String.class)
			.single();
		assertThat(verdict).as("a match worth a look").isIn("ELIGIBLE", "NEEDS_REVIEW");
		java.time.Instant weekAgo = START.minus(Duration.ofDays(7));
		long call = api().callId(MOBILITY_CALL);
		long project = projectOf(match);
		assertThat(this.signal.since(weekAgo).shows(call, project, null)).as("on the Panel").isTrue();
		assertThat(this.feed.dismissed()).doesNotContain(match);

		assertThat(owner()
			.postJson("/api/matches/" + match + "/answers",
					"{\"answer\": \"NOT_APPLICABLE\", \"reason\": \"OUT_OF_SCOPE\"}")
			.statusCode()).isEqualTo(201);
		assertThat(this.feed.dismissed()).contains(match);
		assertThat(this.signal.since(weekAgo).shows(call, project, null)).as("off the Panel").isFalse();

		// Changing one's mind brings it back, and both answers stay as history.
		assertThat(owner()
			.postJson("/api/matches/" + match + "/answers",
					"{\"answer\": \"nos interesa\", \"reason\": \"PROJECT_READY\"}")
			.statusCode()).isEqualTo(201);
		assertThat(this.feed.dismissed()).doesNotContain(match);
		assertThat(this.signal.since(weekAgo).shows(call, project, null)).as("back on the Panel").isTrue();
		JsonNode history = api().get("/api/matches/" + match + "/answers");
		assertThat(history.findValuesAsString("answer")).containsExactly("NOT_APPLICABLE", "INTERESTED");

		// A "no aplica" given to another verdict than the match has now is news again.
		String otherVerdict = "ELIGIBLE".equals(verdict) ? "NEEDS_REVIEW" : "ELIGIBLE";
		this.jdbc
			.sql("INSERT INTO match_answer (call_id, project_id, answer, reason, verdict, answered_by, answered_at) "
					+ "SELECT call_id, project_id, 'NOT_APPLICABLE', 'OUT_OF_SCOPE', ?, 'movilidad', now() FROM match "
					+ "WHERE id = ?")
			.params(otherVerdict, match)
			.update();
		assertThat(this.feed.dismissed()).doesNotContain(match);
		JsonNode stale = api().get("/api/matches/" + match + "/answers").get(2);
		assertThat(stale.get("current").asBoolean()).isFalse();
		assertThat(stale.get("dismissed").asBoolean()).isFalse();
	}

	@Test
	void nosInteresaStartsTheApplicationWhenAsked() {
		long match = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		assertThat(owner().postJson("/api/matches/" + match + "/answers",
				"{\"answer\": \"INTERESTED\", \"reason\": \"PRIORITY\", \"note\": \"Lo presentamos con la Gerencia\", "
						+ "\"startApplication\": true}")
			.statusCode()).isEqualTo(201);
		JsonNode application = api().get("/api/applications/" + match);
		assertThat(application.get("stage").asString()).isEqualTo("EVALUATING");
		assertThat(this.stageChanges.of(match)).singleElement().satisfies(change -> {
			assertThat(change.actor()).isEqualTo(OWNER);
			assertThat(change.note()).isEqualTo("Lo presentamos con la Gerencia");
		});

		// Answering again does not move an application that already started.
		assertThat(owner()
			.postJson("/api/matches/" + match + "/answers",
					"{\"answer\": \"INTERESTED\", \"reason\": \"NEEDS_PARTNER\", \"startApplication\": true}")
			.statusCode()).isEqualTo(201);
		assertThat(api().get("/api/applications/" + match).get("stage").asString()).isEqualTo("EVALUATING");
		assertThat(this.stageChanges.of(match)).hasSize(1);

		long notStarted = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		owner().postJson("/api/matches/" + notStarted + "/answers",
				"{\"answer\": \"INTERESTED\", \"reason\": \"PRIORITY\"}");
		assertThat(api().get("/api/applications/" + notStarted).get("stage").asString()).isEqualTo("IDENTIFIED");
	}

	@Test
	void theSubgerenciaSeesWhoAnsweredWhatPerCallAndGerenciaAndAnOwnerOnlyItsOwn() {
		long answered = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		long pending = newMatch("GSCGA", THEMES, 300000, MOBILITY_CALL);
		owner().postJson("/api/matches/" + answered + "/answers",
				"{\"answer\": \"NOT_APPLICABLE\", \"reason\": \"ALREADY_FUNDED\"}");
		long callId = api().callId(MOBILITY_CALL);

		JsonNode overview = subgerencia().get("/api/answers?call=" + callId);
		JsonNode call = overview.get("calls").get(0);
		assertThat(call.get("callId").asLong()).isEqualTo(callId);
		assertThat(call.get("gerencias").findValuesAsString("code")).contains("GMU", "GSCGA");
		JsonNode answeredRow = row(call, answered);
		assertThat(answeredRow.get("answer").get("reasonLabel").asString())
			.isEqualTo("el proyecto ya tiene financiamiento");
		assertThat(answeredRow.get("answer").get("answeredBy").asString()).isEqualTo(OWNER);
		assertThat(row(call, pending).get("answer").isNull()).isTrue();
		assertThat(call.get("counts").get("pending").asInt()).isPositive();
		assertThat(call.get("counts").get("notApplicable").asInt()).isPositive();

		JsonNode onlyPending = subgerencia().get("/api/answers?pending=true&call=" + callId);
		assertThat(onlyPending.findValues("matchId").stream().map(JsonNode::asLong)).contains(pending)
			.doesNotContain(answered);

		JsonNode own = owner().get("/api/answers?call=" + callId);
		assertThat(own.get("calls").get(0).get("gerencias").findValuesAsString("code")).containsOnly("GMU");
		assertThat(problem(owner(), owner().fetch("/api/answers?gerencia=GSCGA"), 403).get("detail").asString())
			.contains("GSCGA");

		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(SUBGERENCIA, SUBGERENCIA_PASSWORD)).isTrue();
		assertThat(page.get("/gerencias/GMU").body()).contains("href=\"/respuestas?gerencia=GMU\"");
		String html = page.get("/respuestas?call=" + callId).body();
		assertThat(html).contains("Respuestas de las gerencias", "el proyecto ya tiene financiamiento", "Sin responder",
				"GSCGA");
	}

	@Test
	void onThePagesTheOwnerAnswersItsProjectsAndGets403ForAnotherGerencia() {
		long own = newMatch("GMU", THEMES, 300000, MOBILITY_CALL);
		long other = newMatch("GDE", THEMES, 300000, MOBILITY_CALL);
		long ownProject = projectOf(own);
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();

		String ownPage = page.get("/proyectos/" + ownProject).body();
		assertThat(ownPage).contains("Sin respuesta de la gerencia", "Responder: ¿nos interesa?",
				"action=\"/respuestas/" + own + "\"");
		assertThat(page.get("/proyectos/" + projectOf(other)).body()).as("no form for another gerencia")
			.doesNotContain("action=\"/respuestas/" + other + "\"");

		String callPage = page.get("/convocatorias/" + api().callId(MOBILITY_CALL)).body();
		assertThat(callPage)
			.contains("action=\"/respuestas/" + own + "\"", "Respuestas de las gerencias a esta convocatoria")
			.as("the call page offers the form only for the owner's gerencia")
			.doesNotContain("action=\"/respuestas/" + other + "\"");

		HttpResponse<String> saved = page.postForm("/respuestas/" + own,
				form("answer", "NOT_APPLICABLE", "reason", "NO_CO_FINANCING", "note", "", "back", "proyecto", "_csrf",
						page.csrfToken("/proyectos/" + ownProject)));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse(""))
			.endsWith("/proyectos/" + ownProject + "#match-" + own);
		assertThat(page.get("/proyectos/" + ownProject).body()).contains(
				"Respuesta guardada: no aplica (sin contrapartida).", "por movilidad el",
				"No se repetirá en el resumen semanal", "Cambiar la respuesta");

		HttpResponse<String> refused = page.postForm("/respuestas/" + own, form("answer", "NOT_APPLICABLE", "reason",
				"OTHER", "back", "convocatoria", "_csrf", page.csrfToken("/proyectos/" + ownProject)));
		assertThat(refused.headers().firstValue("Location").orElse("")).contains("/convocatorias/");
		assertThat(page
			.get(refused.headers()
				.firstValue("Location")
				.orElseThrow()
				.replaceFirst("^https?://[^/]+", "")
				.replaceFirst("#.*$", ""))
			.body()).contains("El motivo «otro motivo» necesita una nota que diga por qué.");

		HttpResponse<String> forbidden = page.postForm("/respuestas/" + other, form("answer", "INTERESTED", "reason",
				"PRIORITY", "_csrf", page.csrfToken("/proyectos/" + ownProject)));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(api().get("/api/matches/" + other + "/answers")).isEmpty();
	}

	private long projectOf(long matchId) {
		return this.jdbc.sql("SELECT project_id FROM match WHERE id = ?").param(matchId).query(Long.class).single();
	}

	private static JsonNode row(JsonNode call, long matchId) {
		for (JsonNode gerencia : call.get("gerencias")) {
			for (JsonNode project : gerencia.get("projects")) {
				if (project.get("matchId").asLong() == matchId) {
					return project;
				}
			}
		}
		throw new AssertionError("no row for match " + matchId + " in " + call);
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

}
