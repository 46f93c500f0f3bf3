package pe.gob.munlima.convoca;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins tune rules without fear, on a fixed data set (the demo portfolio and calls, with
 * "today" pinned to 24 November 2026): broken, unsafe and failing drafts are refused with
 * file and line, the dry run's diff is exact, activation is versioned and audited, open
 * calls are re-matched, and a rollback restores the verdicts. Also: projects created
 * through the API are matched, gerencias without a project are told so, and "¿mi proyecto
 * califica?" ranks calls for an unsaved project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "convoca.clock.fixed=2026-11-24T15:00:00Z", "convoca.rules.watch-interval=1s" })
class RuleLifecycleIntegrationTests {

	static final Path WORK = TestWorkspace.create("convoca-rules-it");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
	}

	@LocalServerPort
	int port;

	@Test
	void draftsAreValidatedDryRunIsExactActivationIsAuditedAndRollbackRestores() throws Exception {
		Api api = new Api(this.port);
		// Two administrators: each change is recorded with the authenticated user.
		Api ana = api.user("ana", "ADMIN", null);
		Api luis = api.user("luis", "ADMIN", null);
		String original = api.get("/api/admin/rules").get("active").get("version").asString();
		long movilidad = api.callId("[Demo] Fondo de Movilidad Urbana");
		long electric = api.projectId("P-10-VEHICULOS-ELECTRICOS");
		assertThat(Api.matchFor(api.get("/api/projects/" + electric + "/matches"), movilidad).get("verdict").asString())
			.isEqualTo("ELIGIBLE");

		// A draft that does not compile: refused with its file and line, never activated.
		HttpResponse<String> broken = ana.put("/api/admin/rules/zz-broken.drl", """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;
				rule "broken"
				when
				    CallFacts( deadlin == null )
				then
				end
				""");
		assertThat(broken.statusCode()).isEqualTo(422);
		JsonNode compileError = api.json(broken).get("errors").get(0);
		assertThat(compileError.get("file").asString()).isEqualTo("zz-broken.drl");
		assertThat(compileError.get("line").asInt()).isEqualTo(5);
		// Refused before it was stored: there is no draft to discard.
		assertThat(api.delete("/api/admin/rules/drafts/zz-broken.drl").statusCode()).isEqualTo(404);

		// A draft that reaches outside the model: refused at its line.
		HttpResponse<String> unsafe = ana.put("/api/admin/rules/zz-unsafe.drl", """
				package rules.eligibility;
				import java.nio.file.Files;
				""");
		assertThat(unsafe.statusCode()).isEqualTo(422);
		assertThat(api.json(unsafe).get("errors").get(0).get("line").asInt()).isEqualTo(2);
		api.delete("/api/admin/rules/drafts/zz-unsafe.drl");

		// A draft that compiles but breaks the rule test cases: refused, naming the case.
		String instrument = api.text("/api/admin/rules/instrument.drl");
		HttpResponse<String> failing = ana.put("/api/admin/rules/instrument.drl",
				instrument.replace("reimbursable == true", "reimbursable == true, callId < 0"));
		assertThat(failing.statusCode()).isEqualTo(422);
		assertThat(api.json(failing).get("errors").findValuesAsString("file")).contains("tests/instrument.yaml");
		HttpResponse<String> refusedActivation = ana.postEmpty("/api/admin/rules/activate");
		assertThat(refusedActivation.statusCode()).isEqualTo(422);
		assertThat(api.get("/api/admin/rules").get("active").get("version").asString()).isEqualTo(original);
		api.delete("/api/admin/rules/drafts/instrument.drl");

		// A valid draft: a lead time of 150 days instead of 30.
		String parameters = api.text("/api/admin/rules/parameters.yaml");
		assertThat(ana.put("/api/admin/rules/parameters.yaml", parameters.replace("2026-11-24: 30", "2026-11-24: 150"))
			.statusCode()).isEqualTo(200);

		// Dry run: exactly the pairs of the four open calls closing before 23/04/2027
		// change.
		JsonNode dryRun = api.post("/api/admin/rules/dry-run");
		List<Long> closingSoon = List.of(movilidad, api.callId("[Demo] Fondo para organizaciones"),
				api.callId("[Demo] Urban Green Spaces"), api.callId("[Demo] Iniciativa de áreas verdes"));
		int projects = api.get("/api/projects").size();
		assertThat(dryRun.get("pairs").asInt()).isEqualTo(8 * projects);
		assertThat(dryRun.get("changed").asInt()).isEqualTo(4 * projects);
		assertThat(dryRun.get("changes").findValues("callId")).extracting(JsonNode::asLong)
			.allMatch(closingSoon::contains);
		JsonNode electricChange = null;
		for (JsonNode change : dryRun.get("changes")) {
			if (change.get("callId").asLong() == movilidad && change.get("projectId").asLong() == electric) {
				electricChange = change;
			}
		}
		assertThat(electricChange).isNotNull();
		assertThat(electricChange.get("oldVerdict").asString()).isEqualTo("ELIGIBLE");
		assertThat(electricChange.get("newVerdict").asString()).isEqualTo("NEEDS_REVIEW");
		assertThat(electricChange.get("newReasons").findValuesAsString("ruleId")).contains("deadline-too-close");
		int eligibleBefore = 0;
		for (long call : closingSoon) {
			for (JsonNode project : api.get("/api/projects")) {
				JsonNode fresh = api.get("/api/eligibility?call=" + call + "&project=" + project.get("id").asLong());
				eligibleBefore += "ELIGIBLE".equals(fresh.get("verdict").asString()) ? 1 : 0;
			}
		}
		assertThat(dryRun.get("transitions").get("ELIGIBLE -> NEEDS_REVIEW").asInt()).isEqualTo(eligibleBefore);

		// Activation: a new version, by ana, and the open calls are judged again.
		HttpResponse<String> activated = ana.postEmpty("/api/admin/rules/activate?note=plazo+de+150+dias");
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		String next = api.json(activated).get("version").asString();
		assertThat(next).isNotEqualTo(original);
		assertThat(api.json(activated).get("activatedBy").asString()).isEqualTo("ana");
		assertThat(Files.readString(WORK.resolve("rules/parameters.yaml"), StandardCharsets.UTF_8))
			.contains("2026-11-24: 150");
		awaitRematch(api, next);
		assertThat(Api.matchFor(api.get("/api/projects/" + electric + "/matches"), movilidad).get("verdict").asString())
			.isEqualTo("NEEDS_REVIEW");
		JsonNode history = api.get("/api/matches/" + movilidad + "/" + electric + "/history");
		assertThat(history.findValuesAsString("verdict")).containsExactly("ELIGIBLE", "NEEDS_REVIEW");

		// Rollback: the previous version, by luis, and the verdicts come back.
		HttpResponse<String> rolledBack = luis.postEmpty("/api/admin/rules/rollback");
		assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
		assertThat(api.json(rolledBack).get("version").asString()).isEqualTo(original);
		assertThat(Files.readString(WORK.resolve("rules/parameters.yaml"), StandardCharsets.UTF_8))
			.contains("2026-11-24: 30");
		awaitRematch(api, original);
		assertThat(Api.matchFor(api.get("/api/projects/" + electric + "/matches"), movilidad).get("verdict").asString())
			.isEqualTo("ELIGIBLE");

		JsonNode status = api.get("/api/admin/rules");
		assertThat(status.get("history").findValuesAsString("action")).contains("STARTUP", "ACTIVATE", "ROLLBACK");
		assertThat(status.get("audit").findValuesAsString("actor")).contains("ana", "luis");
		assertThat(status.get("audit").findValuesAsString("action")).contains("DRAFT_SAVED", "REFUSED", "ACTIVATE",
				"ROLLBACK");
		assertThat(status.get("drafts")).isEmpty();
	}

	@Test
	void aProjectCreatedThroughTheApiIsMatchedAgainstOpenCalls() {
		Api api = new Api(this.port);
		HttpResponse<String> created = api.postJson("/api/projects", """
				{"code": "P-20-BUSES-ELECTRICOS", "gerencia": "GMU", "title": "Buses eléctricos para corredores",
				 "description": "Renovación de flota con buses eléctricos.", "themes": ["mobility", "climate"],
				 "budget": 2000000, "requestedAmount": 900000, "currency": "USD", "coFinancingAvailable": 400000,
				 "durationMonths": 24, "partners": [], "languages": ["es"]}
				""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = api.json(created).get("id").asLong();

		JsonNode matches = api.get("/api/projects/" + id + "/matches");
		assertThat(Api.matchFor(matches, api.callId("[Demo] Fondo de Movilidad Urbana")).get("verdict").asString())
			.isEqualTo("ELIGIBLE");
		JsonNode c40 = Api.matchFor(matches, api.callId("[Demo] Cooperación ciudad a ciudad"));
		assertThat(c40.get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
		assertThat(c40.get("reasons").findValuesAsString("fix"))
			.contains("Buscar socio de Unión Europea: Burdeos, Madrid, Trento (hermanamiento).");

		long movilidad = api.callId("[Demo] Fondo de Movilidad Urbana");
		assertThat(api.get("/api/calls/" + movilidad + "/matches").findValues("projectId")).extracting(JsonNode::asLong)
			.contains(id);

		// Edited into a culture project: judged again at once, now only its gerencia
		// fits.
		HttpResponse<String> edited = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/projects/" + id))
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
					{"code": "P-20-BUSES-ELECTRICOS", "gerencia": "GMU", "title": "Festival de cine",
					 "description": "Festival.", "themes": ["culture"], "budget": 2000000, "requestedAmount": 900000,
					 "currency": "USD", "coFinancingAvailable": 400000, "durationMonths": 24, "languages": ["es"]}
					""", StandardCharsets.UTF_8))
			.build());
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		JsonNode afterEdit = Api.matchFor(api.get("/api/projects/" + id + "/matches"), movilidad);
		assertThat(afterEdit.get("verdict").asString()).isEqualTo("NEEDS_REVIEW");
		assertThat(afterEdit.get("reasons").findValuesAsString("ruleId")).contains("theme-gerencia-only");

		HttpResponse<String> invalid = api.postJson("/api/projects", "{\"code\": \"X\", \"gerencia\": \"NOPE\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
	}

	@Test
	void aGerenciaWithoutAFittingProjectIsToldToDraftOne() {
		Api api = new Api(this.port);
		long gsc = 0;
		for (JsonNode gerencia : api.get("/api/gerencias")) {
			if ("GSCGA".equals(gerencia.get("code").asString())) {
				gsc = gerencia.get("id").asLong();
			}
		}
		JsonNode matches = api.get("/api/gerencias/" + gsc + "/matches");
		JsonNode loan = Api.matchFor(matches, api.callId("[Demo] Línea de crédito"));
		assertThat(loan.get("reasons").findValuesAsString("ruleId")).contains("gerencia-without-project",
				"reimbursable-instrument");
	}

	@Test
	void anUnsavedProjectGetsRankedCallsWithReasons() {
		Api api = new Api(this.port);
		HttpResponse<String> response = api.postJson("/api/eligibility/check", """
				{"code": "borrador", "gerencia": "GDE", "title": "Portal turístico digital",
				 "description": "Plataforma multilingüe de turismo", "themes": ["tourism", "ict"],
				 "budget": 900000, "requestedAmount": 300000, "currency": "USD", "coFinancingAvailable": 100000,
				 "durationMonths": 12, "languages": ["es", "en"]}
				""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode ranked = api.json(response);
		assertThat(ranked.get(0).get("callTitle").asString()).startsWith("[Demo] Digital Tourism Platforms");
		assertThat(ranked.get(0).get("verdict").asString()).isEqualTo("ELIGIBLE");
		assertThat(api.get("/api/projects").findValuesAsString("code")).doesNotContain("borrador");
	}

	@Test
	void anEditInTheRulesFolderIsPickedUpAndABrokenOneIsNot() throws Exception {
		Api api = new Api(this.port);
		String before = api.get("/api/admin/rules").get("active").get("version").asString();
		Path extra = WORK.resolve("rules/zz-folder.drl");
		Files.writeString(extra, "package rules.eligibility;\n\nrule \"broken\" when then", StandardCharsets.UTF_8);
		// Several watch intervals pass and the broken edit never replaces the working
		// set.
		Awaitility.await()
			.during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> api.get("/api/admin/rules").get("active").get("version").asString().equals(before));
		// The watcher reports the refusal once it has compiled the folder, which on a
		// loaded machine can take longer than the intervals above.
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(api.get("/api/admin/rules").get("lastErrors").findValuesAsString("file"))
				.contains("zz-folder.drl"));
		assertThat(api.get("/api/admin/rules").get("active").get("version").asString()).isEqualTo(before);

		Files.writeString(extra, "package rules.eligibility;\n// an admin's note\n", StandardCharsets.UTF_8);
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> !api.get("/api/admin/rules").get("active").get("version").asString().equals(before));
		Files.delete(extra);
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> api.get("/api/admin/rules").get("active").get("version").asString().equals(before));
	}

	/**
	 * Issue 14: a SUBGERENCIA user saved a draft whose consequence wrote a new .drl into
	 * rules/ (java.util.Formatter), which the folder watcher then activated. Now the
	 * draft is refused before it is stored or run, nothing lands in the folder, and
	 * unreadable or oversized files get a 4xx, not a 500.
	 */
	@Test
	void aHostileDraftIsRefusedBeforeItIsStoredOrRunAndNothingLandsInTheRulesFolder() throws Exception {
		Api api = new Api(this.port);
		Api rosa = api.user("rosa", "SUBGERENCIA", null);
		String before = api.get("/api/admin/rules").get("active").get("version").asString();
		Path planted = WORK.resolve("rules/zz-planted.drl");

		HttpResponse<String> hostile = rosa.put("/api/admin/rules/zz-formatter.drl", """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;
				import pe.gob.munlima.convoca.rules.CallFindings;
				rule "plants-a-rule-file"
				when
				    $f : CallFindings()
				    $c : CallFacts()
				then
				    new java.util.Formatter("PLANTED").format("rule").close();
				end
				""".replace("PLANTED", planted.toString().replace("\\", "/")));

		assertThat(hostile.statusCode()).isEqualTo(422);
		assertThat(api.json(hostile).get("stored").asBoolean()).isFalse();
		JsonNode refusal = api.json(hostile).get("errors").get(0);
		assertThat(refusal.get("file").asString()).isEqualTo("zz-formatter.drl");
		assertThat(refusal.get("line").asInt()).isEqualTo(9);
		assertThat(refusal.get("code").asString()).isEqualTo("rules.refused.consequence");
		assertThat(refusal.get("message").asString())
			.startsWith("En el then solo se permiten llamadas a los hallazgos");
		assertThat(api.get("/api/admin/rules").get("drafts").findValuesAsString("file"))
			.doesNotContain("zz-formatter.drl");
		assertThat(api.get("/api/admin/rules").get("audit").findValuesAsString("action")).contains("DRAFT_REFUSED");
		// Several watch intervals later: no file planted, the active set unchanged.
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> !Files.exists(planted));
		assertThat(api.get("/api/admin/rules").get("active").get("version").asString()).isEqualTo(before);

		// The reason in the reader's language.
		HttpResponse<String> english = rosa.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/admin/rules/zz-thread.drl"))
			.header("Content-Type", "text/plain; charset=utf-8")
			.header("Accept-Language", "en")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("package rules.eligibility;\nimport java.util.Timer;\n"))
			.build());
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(api.json(english).get("errors").get(0).get("message").asString())
			.startsWith("Importing java.util.Timer is not allowed");

		// A NUL byte: 422 at its line; a file over 256 KB: 413, neither stored.
		HttpResponse<String> nul = rosa.put("/api/admin/rules/zz-nul.drl", "package rules.eligibility;\n// a\u0000b\n");
		assertThat(nul.statusCode()).isEqualTo(422);
		assertThat(api.json(nul).get("errors").get(0).get("line").asInt()).isEqualTo(2);
		HttpResponse<String> huge = rosa.put("/api/admin/rules/tests/zz-huge.yaml", "# padding\n".repeat(30_000));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(api.json(huge).get("detail").asString()).contains("256 KB");
		assertThat(api.get("/api/admin/rules").get("drafts").findValuesAsString("file")).doesNotContain("zz-nul.drl",
				"tests/zz-huge.yaml");
	}

	private static void awaitRematch(Api api, String version) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode progress = api.get("/api/admin/matches/rematch");
			assertThat(progress.get("version").asString()).isEqualTo(version);
			assertThat(progress.get("state").asString()).isEqualTo("DONE");
		});
	}

}
