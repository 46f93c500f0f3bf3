package pe.gob.munlima.convoca.programme;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme's page in a real (headless) Chromium: from the menu to the list of
 * programmes, to the programme with its rounds (opened, closed, amount, what changed,
 * Lima's application) and its expected next window; from a round to its call, and from
 * the call back to its programme. Screenshot: docs/screenshots/programa.
 */
class ProgrammeBrowserTests extends BrowserTestSupport {

	private static final String FUNDER = "Embajada de Ejemplo en Lima";

	@Test
	void theProgrammePageShowsItsRoundsAndTheNextWindow() {
		Api api = api();
		ProgrammeFeeds.importRound(api, "embajada-ejemplo", FUNDER, "Fondo de Pequeñas Donaciones 2023",
				"6 de marzo de 2023", "15 de abril de 2023", "20.000");
		ProgrammeFeeds.importRound(api, "embajada-ejemplo", FUNDER, "Fondo de Pequeñas Donaciones 2024",
				"4 de marzo de 2024", "30 de abril de 2024", "25.000");
		ProgrammeFeeds.importRound(api, "embajada-ejemplo", FUNDER, "Fondo de Pequeñas Donaciones 2025",
				"3 de marzo de 2025", "30 de abril de 2025", "25.000");
		long id = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> programmeOf(api), found -> found != null && found.get("rounds").asInt() == 3)
			.get("id")
			.asLong();

		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.click("nav.sections a[href='/programas']");
		this.browser.click("a[href='/programas/" + id + "']");

		assertThat(this.browser.text("h1")).isEqualTo("Fondo de Pequeñas Donaciones");
		// Today is 24 November 2026: March 2026 passed without a round.
		assertThat(this.browser.text("#expectation"))
			.isEqualTo("Abrió en marzo en 2023, 2024 y 2025: se espera en marzo de 2027.");
		assertThat(this.browser.text("#missed")).isEqualTo("No se abrió en marzo de 2026 como se esperaba.");
		assertThat(this.browser.text("#confidence")).isEqualTo("Confianza media: 3 de 4 años en marzo ±1 mes.");
		assertThat(this.browser.count("table.rounds tbody tr")).isEqualTo(3);
		assertThat(this.browser.texts("table.rounds tbody tr td:nth-child(2)")).containsExactly("06/03/2023",
				"04/03/2024", "03/03/2025");
		assertThat(this.browser.text("table.rounds tbody tr:nth-child(2) .changes")).contains("Monto máximo", "20000",
				"25000", "Estuvo abierta 57 días (la ronda anterior, 40)");
		// 57 and 58 days: the calendar, not a change.
		assertThat(this.browser.text("table.rounds tbody tr:nth-child(3)")).contains("sin cambios");
		assertThat(this.browser.text("table.rounds tbody tr:nth-child(3)")).contains("no postuló");
		this.browser.screenshot("programa");

		this.browser.click("table.rounds tbody tr:nth-child(3) td:first-child a");
		assertThat(this.browser.path()).startsWith("/convocatorias/");
		this.browser.click("#programme-link a");
		assertThat(this.browser.path()).isEqualTo("/programas/" + id);
	}

	private static JsonNode programmeOf(Api api) {
		for (JsonNode programme : api.get("/api/programmes")) {
			if (FUNDER.equals(programme.get("funder").asString())) {
				return programme;
			}
		}
		return null;
	}

}
