package pe.gob.munlima.convoca.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import pe.gob.munlima.convoca.BrowserTestSupport;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as municipal staff use them, in a real (headless) Chromium, on the shared
 * running application with the demo portfolio and a funder's feed crawled over HTTP
 * (WebFixtures). Each test also refreshes a screenshot of its page in docs/screenshots/.
 */
class PagesBrowserTests extends BrowserTestSupport {

	@BeforeAll
	void loadCalls() {
		WebFixtures.load(api());
	}

	@Test
	void thePanelShowsNewMatchesDeadlinesSoonAndTheLastCrawl() {
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);

		assertThat(this.browser.text("#closing-table")).contains(WebFixtures.SECURITY_CALL, "10/12/2026");
		// new matches by call: each call once, its projects under it, "ver todas" for the
		// rest
		assertThat(this.browser.count("article.new-call")).isPositive();
		assertThat(this.browser.count("article.new-call ul.new-pairs li")).isPositive();
		assertThat(this.browser.text("#new-matches-summary")).contains("encaja");
		assertThat(this.browser.text("#see-all-new-matches")).contains("Ver todas");
		assertThat(this.browser.text("#last-crawl")).contains(WebFixtures.SOURCE);
		this.browser.screenshot("panel");
	}

	@Test
	void aSearchInSpanishFindsTheCallWithTheMatchedWordsHighlighted() {
		this.browser.logInAs(OWNER, OWNER_PASSWORD);
		this.browser.click("nav.sections a[href='/convocatorias']");
		this.browser.type("#q", "agua potable");
		this.browser.click(".search-box button[type=submit]");

		this.browser.waitFor(".hit mark");
		assertThat(this.browser.text(".hit h3")).isEqualTo(WebFixtures.WATER_CALL);
		assertThat(this.browser.texts(".hit .snippet mark"))
			.anySatisfy(mark -> assertThat(mark).containsIgnoringCase("agua"));

		// A facet narrows the search and becomes a filter that can be removed.
		this.browser.click("#facet-theme a[href*='theme=water']");
		assertThat(this.browser.text(".chips")).contains("Tema: agua y saneamiento");
		assertThat(this.browser.texts(".hit h3")).contains(WebFixtures.WATER_CALL);
		this.browser.screenshot("convocatorias");
	}

	@Test
	void aCallPageShowsItsDataAndEveryProjectJudgedWithReasons() {
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.open("/convocatorias/" + api().callId(WebFixtures.WATER_CALL));

		assertThat(this.browser.text("#call-deadline")).contains("15/02/2027");
		assertThat(this.browser.text("#call-amounts")).isEqualTo("USD 800,000.00");
		WebElement greenAreas = this.browser.driver()
			.findElement(By.xpath("//article[contains(@class,'match')][.//a[contains(.,'áreas verdes')]]"));
		assertThat(greenAreas.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Elegible");
		assertThat(greenAreas.getText()).contains("Cumple");
		this.browser.screenshot("convocatoria");
	}

	@Test
	void aCallWhoseSummaryHoldsAScriptShowsNoScript() {
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.open("/convocatorias/" + api().callId(WebFixtures.HOSTILE_CALL));

		WebElement summary = this.browser.waitFor("#call-summary");
		assertThat(summary.getText()).contains("Apoyo a municipalidades para la gestión de residuos sólidos");
		assertThat(summary.findElements(By.cssSelector("script, img, [onclick], [onerror], a[href^='javascript']")))
			.isEmpty();
		assertThat(summary.getDomProperty("innerHTML")).doesNotContain(WebFixtures.XSS_MARKER);
		// The page's only scripts are Convoca's own files.
		List<String> scripts = this.browser.driver()
			.findElements(By.tagName("script"))
			.stream()
			.map(script -> script.getDomAttribute("src"))
			.toList();
		assertThat(scripts).allSatisfy(src -> assertThat(src).startsWith("/js/"));
		assertThat(this.browser.alertShown()).isFalse();
	}

	@Test
	void aProjectPageShowsItsVerdictsWithReasonsAndFixes() {
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.click("nav.sections a[href='/proyectos']");
		this.browser.click("#projects-table a[href='/proyectos/" + api().projectId("P-12-SEGURIDAD-CIUDADANA") + "']");

		this.browser.waitFor("#group-NEEDS_REVIEW");
		assertThat(this.browser.text("#group-NEEDS_REVIEW")).contains(WebFixtures.SECURITY_CALL,
				"La fecha límite (10/12/2026) está a menos de 30 días",
				"Cómo resolverlo: Iniciar hoy el trámite interno");

		this.browser.open("/proyectos/" + api().projectId("P-13-AREAS-VERDES"));
		assertThat(this.browser.text("#group-ELIGIBLE")).contains(WebFixtures.WATER_CALL);
		this.browser.screenshot("proyecto");
	}

	@Test
	void checkingAnUnsavedProjectRanksTheOpenCallsWithReasons() {
		this.browser.logInAs(OWNER, OWNER_PASSWORD);
		this.browser.open("/proyectos");
		this.browser.click("#check-project");

		this.browser.select("#gerencia", "GSCGA");
		this.browser.type("#title", "Agua potable para los barrios altos de Lima");
		this.browser.check("input[name=themes][value=water]");
		this.browser.select("#currency", "USD");
		this.browser.type("#budget", "1200000");
		this.browser.type("#requestedAmount", "600000");
		this.browser.type("#coFinancingAvailable", "300000");
		this.browser.type("#durationMonths", "24");
		this.browser.click("#check-submit");

		WebElement best = this.browser.waitFor(".ranked-calls li");
		assertThat(best.findElement(By.cssSelector("h3 a")).getText()).isEqualTo(WebFixtures.WATER_CALL);
		assertThat(best.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Elegible");
		// What was typed stays in the form, to try another variant.
		assertThat(this.browser.value("#title")).isEqualTo("Agua potable para los barrios altos de Lima");
		this.browser.screenshot("califica");
	}

	@Test
	void anAdministratorSavesABrokenRuleAndSeesTheErrorAtItsLine() {
		logInAsAdmin();
		this.browser.open("/admin/reglas");
		this.browser.click("#rule-files a[href*='deadline.drl']");

		String rule = this.browser.value("#contenido");
		List<String> lines = new java.util.ArrayList<>(List.of(rule.split("\n", -1)));
		lines.add(4, "esto no es DRL (((");
		this.browser.fill("#contenido", String.join("\n", lines));
		this.browser.click("#save-draft");

		assertThat(this.browser.text("#rule-errors")).contains("Borrador no guardado", "deadline.drl, línea 5");
		assertThat(this.browser.text("#line-5.error-line")).contains("esto no es DRL", "mismatched input");
		assertThat(this.browser.value("#contenido")).contains("esto no es DRL (((");
		this.browser.screenshot("admin-regla-con-error");

		// Refused before it was stored (issue 14): no draft, the active rules unchanged.
		this.browser.open("/admin/reglas");
		assertThat(this.browser.text("#rule-files")).doesNotContain("deadline.drl borrador");

		// A draft that passes is listed as one until it is discarded, so other tests see
		// none.
		this.browser.click("#rule-files a[href*='deadline.drl']");
		this.browser.fill("#contenido", rule + "\n// una nota del administrador\n");
		this.browser.click("#save-draft");
		this.browser.open("/admin/reglas");
		assertThat(this.browser.text("#rule-files")).contains("deadline.drl borrador");
		this.browser.screenshot("admin-reglas");
		this.browser.click("form[action='/admin/reglas/descartar'] button");
		assertThat(this.browser.text(".alert.info")).contains("deadline.drl");
		assertThat(this.browser.count(".badge.draft")).isZero();
	}

	@Test
	void anAdministratorRunsASourceAndTheRunAppearsWhenItEnds() {
		logInAsAdmin();
		this.browser.open("/admin");
		this.browser.click("#admin-sources");
		assertThat(this.browser.text("#sources-table")).contains(WebFixtures.SOURCE, "En línea");
		this.browser.screenshot("admin-fuentes");

		this.browser.click("#sources-table a[href='/admin/fuentes/" + WebFixtures.SOURCE + "']");
		int runs = this.browser.count("#runs-table tbody tr");
		this.browser.click("#run-source");
		// The page follows the run and reloads itself with the result when it ends.
		this.browser.waitForCount("#runs-table tbody tr", runs + 1);
		assertThat(this.browser.count("#run-progress")).as("no progress box once the run ended").isZero();
		this.browser.screenshot("admin-fuente");
	}

	@Test
	void aProjectOwnerCannotEditAnotherGerenciasProject() {
		long own = api().projectId("P-10-VEHICULOS-ELECTRICOS");
		long other = api().projectId("P-12-SEGURIDAD-CIUDADANA");
		this.browser.logInAs(OWNER, OWNER_PASSWORD);

		this.browser.open("/proyectos/" + own);
		this.browser.waitFor("#edit-project");
		this.browser.open("/proyectos/" + other);
		this.browser.waitFor("main.project h1");
		assertThat(this.browser.count("#edit-project")).as("no edit button on GSC's project").isZero();
		this.browser.open("/proyectos/" + other + "/editar");
		assertThat(this.browser.text("main.error-page h1")).isEqualTo("403");

		// Posting the form by hand, with a valid CSRF token, is refused too.
		PageSession session = new PageSession(this.port);
		assertThat(session.logIn(OWNER, OWNER_PASSWORD)).isTrue();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", session.csrfToken("/proyectos/" + own + "/editar"));
		form.put("gerencia", "GSC");
		form.put("title", "Tomado por otra gerencia");
		form.put("themes", "security");
		form.put("budget", "1");
		form.put("requestedAmount", "1");
		form.put("currency", "USD");
		form.put("coFinancingAvailable", "0");
		form.put("durationMonths", "12");
		assertThat(session.postForm("/proyectos/" + other + "/editar", form).statusCode()).isEqualTo(403);

		// And so is the API, with a problem+json naming the gerencia.
		HttpResponse<String> api = api().as(OWNER, OWNER_PASSWORD).putJson("/api/projects/" + other, """
				{"code": "P-12-SEGURIDAD-CIUDADANA", "gerencia": "GSC", "title": "Tomado", "description": "",
				 "themes": ["security"], "budget": 1, "requestedAmount": 1, "currency": "USD",
				 "coFinancingAvailable": 0, "durationMonths": 12}""");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("GSC");
		assertThat(api().get("/api/projects/" + other).get("title").asString())
			.isEqualTo("Prevención del robo en espacios públicos y seguridad ciudadana");
	}

}
