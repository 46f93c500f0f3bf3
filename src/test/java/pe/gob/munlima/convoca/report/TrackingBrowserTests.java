package pe.gob.munlima.convoca.report;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import pe.gob.munlima.convoca.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline and report pages in a real (headless) Chromium, on the demo data: the
 * report with its charts, and checking a task off an application being prepared. Takes
 * the screenshots docs/screenshots/informes.png and postulacion.png.
 */
class TrackingBrowserTests extends BrowserTestSupport {

	@Test
	void theSubgerenciaReadsTheReportWithItsCharts() {
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		this.browser.driver().findElement(By.linkText("Informes")).click();

		assertThat(this.browser.text("main.report h1")).isEqualTo("Avance y beneficio de la cooperación");
		assertThat(Integer.parseInt(this.browser.text("#calls-detected .figure"))).isPositive();
		assertThat(this.browser.text("#success-rate .figure")).isEqualTo("50 %");
		assertThat(this.browser.driver().findElements(By.cssSelector("#chart-verdicts svg rect.bar"))).hasSize(3);
		assertThat(this.browser.driver().findElements(By.cssSelector("#chart-reasons svg rect.bar"))).isNotEmpty();
		assertThat(this.browser.waitFor("#download-xlsx").getDomAttribute("href")).contains("format=xlsx");
		this.browser.screenshot("informes");
	}

	@Test
	void aProjectOwnerChecksOffATaskOfAnApplicationBeingPrepared() {
		this.browser.logInAs(OWNER, OWNER_PASSWORD);
		this.browser.open("/postulaciones?stage=APPLYING");
		this.browser.driver().findElement(By.partialLinkText("Cooperación ciudad a ciudad")).click();
		assertThat(this.browser.text("#stage")).isEqualTo("postulando");

		this.browser.click("#checklist tr.task:not(.done) button.check");

		assertThat(this.browser.text("#done")).isEqualTo("Tarea marcada como hecha.");
		assertThat(this.browser.driver().findElements(By.cssSelector("#checklist tr.task.done"))).hasSize(2);
		this.browser.screenshot("postulacion");
	}

}
