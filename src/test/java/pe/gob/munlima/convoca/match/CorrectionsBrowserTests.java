package pe.gob.munlima.convoca.match;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office settles what a call does not say, in a real (headless) Chromium: from the
 * review queue in two clicks, and on the call's page with the correction form, where the
 * fact then shows as confirmed and the reasons say who confirmed it. Screenshots go to
 * docs/screenshots/ (revision, correccion).
 */
class CorrectionsBrowserTests extends BrowserTestSupport {

	private static final String TEXT = "Apoyo no reembolsable a la movilidad urbana sostenible y bicicletas públicas en ciudades de "
			+ "América Latina, incluido el Perú. Monto máximo: USD 1.500.000 por proyecto. "
			+ "Fecha límite: 28 de mayo de 2027.";

	@Test
	void aDoubtIsSettledFromTheQueueInTwoClicks() {
		long call = api().importCall("nav-cola", "Fondo Eta de bicicletas públicas", TEXT);
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);

		// Click one: the Panel's card opens the queue.
		this.browser.click("#doubts");
		String doubt = "#duda-" + call + "-applicantTypes";
		assertThat(this.browser.text(doubt + " h2")).contains("¿Pueden postular gobiernos locales?")
			.contains("resuelve");
		this.browser.screenshot("revision");
		// Click two: the answer.
		this.browser.click(doubt + " button.settle");

		assertThat(this.browser.text(".notice")).contains("Respuesta guardada");
		assertThat(this.browser.count(doubt)).isZero();
		this.browser.open("/convocatorias/" + call);
		assertThat(this.browser.text("#correcciones")).contains("Pueden postular", "gobiernos locales", SUBGERENCIA);
		// The reason it settled passes now; passed conditions are folded, so read the
		// whole section, not only what shows.
		assertThat(this.browser.waitFor("#matches").getAttribute("textContent"))
			.contains("Confirmado por la Subgerencia el");
	}

	@Test
	void aFactIsCorrectedOnTheCallsPageAndShowsAsConfirmed() {
		long call = api().importCall("nav-pagina", "Premio Theta a los parques de bolsillo",
				TEXT.replace("bicicletas públicas", "parques de bolsillo").replace("28 de mayo", "30 de junio"));
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.open("/convocatorias/" + call);

		this.browser.select("#correction-form select[name=hecho]", "durationMonthsMax");
		this.browser.type("#correction-form input[name=valor]", "24");
		this.browser.type("#correction-form textarea[name=evidencia]", "Bases, punto 4: duración máxima de 24 meses.");
		this.browser.click("#correction-form button[type=submit]");

		assertThat(this.browser.text("#correcciones .notice")).contains("Corrección guardada");
		assertThat(this.browser.text("dd[data-fact=durationMonthsMax]")).contains("24", "confirmado");
		assertThat(this.browser.text("#history")).contains("Corrección de " + SUBGERENCIA);
		this.browser.screenshot("correccion");
	}

	@Test
	void aWrongValueIsRefusedOnThePageWithAClearMessage() {
		long call = api().importCall("nav-error", "Concurso Iota de huertos urbanos",
				TEXT.replace("bicicletas públicas", "huertos urbanos").replace("28 de mayo", "12 de julio"));
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.open("/convocatorias/" + call);

		this.browser.select("#correction-form select[name=hecho]", "amountMax");
		this.browser.type("#correction-form input[name=valor]", "bastante");
		this.browser.click("#correction-form button[type=submit]");

		assertThat(this.browser.text("#correcciones .error")).contains("«bastante» no es un valor válido");
		assertThat(this.browser.count("#correcciones ul.corrections li")).isZero();
	}

}
