package pe.gob.munlima.convoca.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;
import pe.gob.munlima.convoca.WebFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over plain HTTP, where no browser is needed: forms with their errors at the
 * fields, CSRF, which role reaches which page, the users page, the search page's links,
 * 404s, the progress endpoints, the dry run and the index pages. A session logs in
 * through the login form and posts forms with their CSRF token, as a browser would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesIntegrationTests extends WebContextTestSupport {

	@BeforeAll
	void loadCalls() {
		WebFixtures.load(api());
	}

	@Test
	void aProjectFormWithMistakesComesBackWithEachErrorBesideItsField() {
		PageSession office = session(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		Map<String, String> form = projectForm(office, "/proyectos/nuevo", "");
		form.put("title", " ");
		form.put("budget", "mucho");
		form.remove("themes");
		form.put("durationMonths", "0");

		HttpResponse<String> page = office.postForm("/proyectos/nuevo", form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Revise los campos marcados: el proyecto no se guardó.")
			.contains("id=\"code-error\"", "id=\"title-error\"", "id=\"themes-error\"", "id=\"durationMonths-error\"")
			.contains("debe ser un número (por ejemplo 250000 o 250000.50)")
			// What was typed comes back, to be corrected rather than typed again.
			.contains("Redes de agua y saneamiento en asentamientos de ladera.", "value=\"GSCGA\" selected");
		assertThat(api().get("/api/projects").findValuesAsString("title")).doesNotContain(" ");
	}

	@Test
	void aProjectCreatedOnThePageIsStoredJudgedAndItsCodeCannotBeTakenTwice() {
		PageSession office = session(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		Map<String, String> form = projectForm(office, "/proyectos/nuevo", "P-30-AGUA-BARRIOS");

		HttpResponse<String> created = office.postForm("/proyectos/nuevo", form);

		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/proyectos/\\d+");
		String page = office.get(location.substring(location.indexOf("/proyectos"))).body();
		assertThat(page).contains("Proyecto creado.", "Agua potable para los barrios altos");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(office.get(location.substring(location.indexOf("/proyectos"))).body())
				.contains(WebFixtures.WATER_CALL));

		HttpResponse<String> again = office.postForm("/proyectos/nuevo",
				projectForm(office, "/proyectos/nuevo", "P-30-AGUA-BARRIOS"));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("id=\"code-error\"",
				"Ya existe un proyecto con el código P-30-AGUA-BARRIOS.");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		PageSession office = session(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		Map<String, String> form = projectForm(office, "/proyectos/nuevo", "P-31-SIN-TOKEN");
		form.remove("_csrf");

		assertThat(office.postForm("/proyectos/nuevo", form).statusCode()).isEqualTo(403);
		assertThat(api().get("/api/projects").findValuesAsString("code")).doesNotContain("P-31-SIN-TOKEN");
	}

	@Test
	void eachRoleReachesOnlyItsPages() {
		PageSession owner = session(OWNER, OWNER_PASSWORD);
		assertThat(owner.get("/convocatorias").statusCode()).isEqualTo(200);
		assertThat(owner.get("/proyectos/califica").statusCode()).isEqualTo(200);
		assertThat(owner.get("/admin").statusCode()).isEqualTo(403);
		assertThat(owner.get("/admin/fuentes").statusCode()).isEqualTo(403);
		// A project owner creates projects of its own gerencia only: no other to choose.
		assertThat(owner.get("/proyectos/nuevo").body()).contains("value=\"GMU\"").doesNotContain("value=\"GSC\"");

		PageSession office = session(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		assertThat(office.get("/admin/reglas").statusCode()).isEqualTo(200);
		assertThat(office.get("/admin/usuarios").statusCode()).isEqualTo(403);
		Map<String, String> activate = Map.of("_csrf", office.csrfToken("/admin/reglas"));
		assertThat(office.postForm("/admin/reglas/activar", activate).statusCode()).isEqualTo(403);
		assertThat(office.postForm("/admin/reglas/revertir", activate).statusCode()).isEqualTo(403);
		assertThat(office.get("/admin").body()).doesNotContain("/admin/usuarios");

		PageSession admin = session(Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(admin.get("/admin").body()).contains("/admin/usuarios");
		assertThat(admin.get("/admin/usuarios").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorCreatesAUserAndChangesItsRoleOnThePage() {
		PageSession admin = session(Api.ADMIN, Api.ADMIN_PASSWORD);
		Map<String, String> user = new LinkedHashMap<>();
		user.put("_csrf", admin.csrfToken("/admin/usuarios"));
		user.put("username", "rosa-pagina");
		user.put("displayName", "Rosa Quispe");
		user.put("email", "rosa.pagina@munlima.gob.pe");
		user.put("role", "PROJECT_OWNER");
		user.put("gerencia", "GDE");
		user.put("password", "una-clave-larga");

		assertThat(admin.postForm("/admin/usuarios", user).statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/usuarios").body()).contains("Se creó el usuario rosa-pagina.");

		HttpResponse<String> duplicate = admin.postForm("/admin/usuarios", user);
		assertThat(duplicate.body()).contains("id=\"username-error\"", "Ya existe el usuario «rosa-pagina».");
		user.put("username", "sin-gerencia");
		user.put("email", "sin.gerencia@munlima.gob.pe");
		user.put("gerencia", "");
		assertThat(admin.postForm("/admin/usuarios", user).body()).contains("id=\"gerencia-error\"",
				"Un responsable de proyectos (PROJECT_OWNER) debe estar vinculado a una gerencia.");

		Map<String, String> change = new LinkedHashMap<>();
		change.put("_csrf", admin.csrfToken("/admin/usuarios/rosa-pagina"));
		change.put("displayName", "Rosa Quispe");
		change.put("email", "rosa.pagina@munlima.gob.pe");
		change.put("role", "SUBGERENCIA");
		change.put("gerencia", "GDE");
		// A checkbox left unticked sends only Spring's marker: the user is disabled.
		change.put("_enabled", "on");
		change.put("password", "");
		assertThat(admin.postForm("/admin/usuarios/rosa-pagina", change).statusCode()).isEqualTo(302);

		JsonNode stored = api().get("/api/admin/users/rosa-pagina");
		assertThat(stored.get("role").asString()).isEqualTo("SUBGERENCIA");
		assertThat(stored.get("gerencia").isNull()).as("the gerencia goes with the project-owner role").isTrue();
		assertThat(stored.get("enabled").asBoolean()).isFalse();
	}

	@Test
	void theSearchPageKeepsTheSearchInItsLinksAndExplainsABadQuery() {
		PageSession owner = session(OWNER, OWNER_PASSWORD);
		String page = owner.get("/convocatorias?q=agua&theme=water").body();

		// Removing the theme keeps the text; the CSV is the same search.
		assertThat(page).contains("Tema: agua y saneamiento", "href=\"/convocatorias?q=agua\"",
				"href=\"/api/calls/search?q=agua&amp;theme=water&amp;format=csv\"");
		HttpResponse<String> csv = owner.get("/api/calls/search?q=agua&theme=water&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains(WebFixtures.WATER_CALL);

		HttpResponse<String> broken = owner.get("/convocatorias?q=" + encode("agua AND ("));
		assertThat(broken.statusCode()).isEqualTo(200);
		assertThat(broken.body()).contains("id=\"search-error\"", "La búsqueda no es válida");
		assertThat(owner.get("/convocatorias?deadlineFrom=mañana").body())
			.contains("deadlineFrom debe ser una fecha AAAA-MM-DD");
	}

	@Test
	void pagesOfThingsThatDoNotExistAre404() {
		PageSession admin = session(Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(admin.get("/convocatorias/999999").statusCode()).isEqualTo(404);
		assertThat(admin.get("/proyectos/999999").statusCode()).isEqualTo(404);
		assertThat(admin.get("/gerencias/NOPE").statusCode()).isEqualTo(404);
		assertThat(admin.get("/admin/fuentes/no-such-source").statusCode()).isEqualTo(404);
		HttpResponse<String> page = admin.send(java.net.http.HttpRequest.newBuilder(admin.uri("/convocatorias/999999"))
			.header("Accept", "text/html")
			.build());
		assertThat(page.body()).contains("La página no existe.", "Volver al panel");
	}

	@Test
	void theProjectAndMatchApiAnswerAWrongParameterTypeInSpanish() {
		JsonNode id = problem(api().fetch("/api/projects/abc/matches"), 400);
		assertThat(id.get("detail").asString()).isEqualTo("El parámetro id no admite el valor «abc».");
		JsonNode verdict = problem(api().fetch("/api/projects/1/matches?verdict=TAL_VEZ"), 400);
		assertThat(verdict.get("detail").asString()).isEqualTo("El parámetro verdict no admite el valor «TAL_VEZ».");
		JsonNode eligibility = problem(api().fetch("/api/eligibility?call=uno&project=1"), 400);
		assertThat(eligibility.get("detail").asString()).isEqualTo("El parámetro call no admite el valor «uno».");

		String project = """
				{"code": "%s", "gerencia": "%s", "title": "Duplicado", "description": "", "themes": ["water"],
				 "budget": 1, "requestedAmount": 1, "currency": "USD", "coFinancingAvailable": 0,
				 "durationMonths": 12}""";
		JsonNode duplicate = problem(
				api().postJson("/api/projects", String.format(Locale.ROOT, project, "P-13-AREAS-VERDES", "GSCGA")),
				409);
		assertThat(duplicate.get("detail").asString())
			.isEqualTo("Ya existe un proyecto con el código P-13-AREAS-VERDES.");
		JsonNode gerencia = problem(
				api().postJson("/api/projects", String.format(Locale.ROOT, project, "P-32", "NOPE")), 422);
		assertThat(gerencia.get("detail").asString()).isEqualTo("No existe la gerencia NOPE.");
	}

	@Test
	void aSourcesProgressIsItsLatestRun() {
		PageSession admin = session(Api.ADMIN, Api.ADMIN_PASSWORD);
		HttpResponse<String> progress = admin.get("/admin/fuentes/" + WebFixtures.SOURCE + "/progreso");

		assertThat(progress.statusCode()).isEqualTo(200);
		JsonNode json = api().json(progress);
		assertThat(json.get("state").asString()).isEqualTo("DONE");
		assertThat(json.get("itemsFound").asInt()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theDryRunPageShowsWhatADraftWouldChangeAndOnlyAnAdministratorMayActivateIt() {
		String parameters = api().text("/api/admin/rules/parameters.yaml");
		String slower = parameters.replaceFirst("(?m)^(leadDays:[\\s\\S]*?2026-11-24: )30", "$1" + "120");
		assertThat(slower).isNotEqualTo(parameters);
		assertThat(api().put("/api/admin/rules/parameters.yaml", slower).statusCode()).isEqualTo(200);
		try {
			PageSession office = session(SUBGERENCIA, SUBGERENCIA_PASSWORD);
			String rules = office.get("/admin/reglas").body();
			assertThat(rules).contains("parameters.yaml", "borrador", "Solo un administrador puede activar")
				.doesNotContain("id=\"activate-form\"");

			String dryRun = office.get("/admin/reglas/simulacion").body();
			assertThat(dryRun).contains("cambiarían", "Pares que cambiarían", WebFixtures.WATER_CALL)
				.contains("está a menos de 120 días");
		}
		finally {
			assertThat(api().delete("/api/admin/rules/drafts/parameters.yaml").statusCode()).isEqualTo(204);
		}
	}

	@Test
	void theIndexPageRebuildsTheIndexAndShowsTheResult() {
		PageSession office = session(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		HttpResponse<String> started = office.postForm("/admin/indice/reconstruir",
				Map.of("_csrf", office.csrfToken("/admin/indice")));
		assertThat(started.statusCode()).isEqualTo(302);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> "SUCCEEDED".equals(api().get("/api/admin/index").get("rebuild").get("state").asString()));
		assertThat(office.get("/admin/indice").body()).contains("Última reconstrucción", "correcta",
				"solicitada por un administrador");
	}

	@Test
	void pagesSpeakEnglishWithTheSwitch() {
		PageSession owner = session(OWNER, OWNER_PASSWORD);
		String call = owner.get("/convocatorias/" + api().callId(WebFixtures.WATER_CALL) + "?lang=en").body();
		assertThat(call).contains("Deadline", "Projects and departments judged", "Eligible");
		assertThat(owner.get("/proyectos").body()).contains("Does my project qualify?");
	}

	private PageSession session(String username, String password) {
		PageSession session = new PageSession(this.port);
		assertThat(session.logIn(username, password)).as("log in as %s", username).isTrue();
		return session;
	}

	private static Map<String, String> projectForm(PageSession session, String path, String code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", session.csrfToken(path));
		form.put("code", code);
		form.put("gerencia", "GSCGA");
		form.put("title", "Agua potable para los barrios altos");
		form.put("description", "Redes de agua y saneamiento en asentamientos de ladera.");
		form.put("themes", "water");
		form.put("budget", "1200000");
		form.put("requestedAmount", "600000");
		form.put("currency", "USD");
		form.put("coFinancingAvailable", "300000");
		form.put("durationMonths", "24");
		form.put("languages", "es");
		return form;
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		return api().json(response);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
