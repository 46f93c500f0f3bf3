package pe.gob.munlima.convoca.donor;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a project to the donors worth approaching and on to one donor's page, in a real
 * (headless) Chromium, on the demo data: the cycle-lanes project, whose demo application
 * the demo funder awarded. Refreshes {@code docs/screenshots/donantes-a-quien-acudir.png}
 * and {@code donante.png}.
 */
class DonorsBrowserTests extends BrowserTestSupport {

	@Test
	void aProjectOwnerFindsWhichDonorToApproachAndWhatItFunded() {
		long projectId = api().projectId("P-11-CICLOVIAS");

		this.browser.logInAs(OWNER, OWNER_PASSWORD);
		this.browser.open("/proyectos/" + projectId);
		this.browser.click("#project-donors");
		this.browser.waitFor("#ranking");
		assertThat(this.browser.text("h1")).startsWith("¿A qué donantes acudir?");
		assertThat(this.browser.count("#ranking > li")).isPositive();
		String first = this.browser.text("#ranking > li:first-child");
		assertThat(first).contains("Lima ganó", "Convocatoria en sus temas");
		this.browser.screenshot("donantes-a-quien-acudir");

		this.browser.click("#ranking > li:first-child h2 a");
		this.browser.waitFor("#lima");
		assertThat(this.browser.text("#lima")).contains("Red de ciclovías metropolitanas", "adjudicada");
		assertThat(this.browser.text("#donor-awards")).startsWith("1");
		assertThat(this.browser.text("#donor-themes")).contains("movilidad urbana");
		this.browser.screenshot("donante");

		this.browser.click("nav.sections a[href='/donantes']");
		assertThat(this.browser.count("#donors tbody tr")).isPositive();
	}

}
