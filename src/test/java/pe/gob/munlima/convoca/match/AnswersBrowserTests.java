package pe.gob.munlima.convoca.match;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project owner answers its project's matches in a real (headless) Chromium: "no
 * aplica" with a reason and a note on one call, "nos interesa" starting the application
 * on another; then the subgerencia reads who answered what on {@code /respuestas}.
 * Refreshes {@code docs/screenshots/respuestas.png} (the overview) and
 * {@code respuestas-proyecto.png} (the answers on the project's page).
 */
class AnswersBrowserTests extends BrowserTestSupport {

	@Test
	void anOwnerMarksNoAplicaAndNosInteresaAndTheSubgerenciaSeesBoth() {
		long projectId = newMobilityProject();
		List<Long> matchIds = api().get("/api/projects/" + projectId + "/matches")
			.findValues("matchId")
			.stream()
			.map(JsonNode::asLong)
			.toList();
		assertThat(matchIds).as("the new project is judged against at least two open calls").hasSizeGreaterThan(1);
		long dismissed = matchIds.get(0);
		long interested = matchIds.get(1);

		this.browser.logInAs(OWNER, OWNER_PASSWORD);
		this.browser.open("/proyectos/" + projectId);
		answer(dismissed, "NOT_APPLICABLE", "NOT_ENOUGH_TIME", "El Concejo no aprueba antes del cierre.", false);
		assertThat(this.browser.text("#answer-done")).isEqualTo("Respuesta guardada: no aplica (plazo insuficiente).");
		assertThat(this.browser.text("#answer-" + dismissed)).contains("no aplica", "plazo insuficiente",
				"por movilidad el", "El Concejo no aprueba antes del cierre.", "No se repetirá en el resumen semanal");

		answer(interested, "INTERESTED", "PRIORITY", "", true);
		assertThat(this.browser.text("#answer-done")).isEqualTo(
				"Respuesta guardada: nos interesa (prioridad de la gerencia). La postulación pasó a «en evaluación».");
		assertThat(this.browser.text("#answer-" + interested)).contains("nos interesa", "Ver la postulación");
		this.browser.screenshot("respuestas-proyecto");
		this.browser.click("#answer-" + interested + " a.answer-application");
		assertThat(this.browser.text("main")).contains("en evaluación");

		this.browser.logOut();
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.click("nav.sections a[href='/respuestas']");
		this.browser.select("#gerencia", "GMU");
		this.browser.click("form.filters button[type=submit]");
		String overview = this.browser.text("main");
		assertThat(overview).contains("Respuestas de las gerencias", "plazo insuficiente", "prioridad de la gerencia",
				"Sin responder");
		assertThat(this.browser.text("#answer-totals"))
			.matches("\\d+ nos interesa · \\d+ no aplica · \\d+ sin responder");
		this.browser.screenshot("respuestas");
	}

	private void answer(long matchId, String answer, String reason, String note, boolean start) {
		String form = "#answer-form-" + matchId;
		this.browser.click(form + " > summary");
		this.browser.click(form + " input[name=answer][value=" + answer + "]");
		this.browser.select(form + " select[name=reason]", reason);
		if (!note.isEmpty()) {
			this.browser.type(form + " textarea[name=note]", note);
		}
		if (start) {
			this.browser.check(form + " input[name=startApplication]");
		}
		this.browser.click(form + " button[type=submit]");
		this.browser.waitFor("#answer-done");
	}

	/** A GMU project on urban mobility, judged at once against the open demo calls. */
	private long newMobilityProject() {
		HttpResponse<String> created = api().postJson("/api/projects", """
				{"code": "P-BROWSER-RESPUESTAS", "gerencia": "GMU", "title": "Corredor de buses eléctricos del Cercado",
				 "description": "Movilidad urbana sostenible: buses eléctricos, ciclovías y acción climática.",
				 "themes": ["mobility"], "budget": 900000, "requestedAmount": 300000, "currency": "USD",
				 "coFinancingAvailable": 300000, "durationMonths": 24, "languages": ["es"]}
				""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return api().json(created).get("id").asLong();
	}

}
