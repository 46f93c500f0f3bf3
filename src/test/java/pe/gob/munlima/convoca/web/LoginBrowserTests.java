package pe.gob.munlima.convoca.web;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in, as municipal staff do it, in a real (headless) Chromium whose own language
 * is English: the pages are Spanish until the user switches.
 */
class LoginBrowserTests extends BrowserTestSupport {

	@Test
	void aVisitorLogsInOnTheSpanishLoginPageAndSeesThePanel() {
		this.browser.open("/");
		assertThat(this.browser.path()).isEqualTo("/login");
		assertThat(this.browser.text("main.login h1")).isEqualTo("Ingresar a Convoca");
		assertThat(this.browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang"))
			.isEqualTo("es");
		this.browser.screenshot("login");

		logInAsAdmin();

		assertThat(this.browser.path()).isEqualTo("/");
		assertThat(this.browser.text("main.panel h1")).isEqualTo("Panel");
		assertThat(this.browser.text(".welcome")).isEqualTo("Hola, Administrador.");
		assertThat(this.browser.text("#open-calls .label")).isEqualTo("convocatorias abiertas");
		assertThat(Integer.parseInt(this.browser.text("#open-calls .figure").replace(",", ""))).isPositive();
		assertThat(this.browser.texts("nav.sections a")).containsExactly("Panel", "Convocatorias", "Programas",
				"Proyectos", "Postulaciones", "Respuestas", "Gerencias", "Donantes", "Informes", "Alertas",
				"Administración");
	}

	@Test
	void aWrongPasswordShowsASpanishErrorAndStaysOnTheLoginPage() {
		this.browser.logIn(pe.gob.munlima.convoca.Api.ADMIN, "contraseña-equivocada");

		assertThat(this.browser.text("#login-error")).isEqualTo("Usuario o contraseña incorrectos.");
		assertThat(this.browser.path()).isEqualTo("/login");
		this.browser.open("/");
		assertThat(this.browser.path()).as("still not logged in").isEqualTo("/login");
	}

	@Test
	void theLanguageSwitchTurnsThePagesIntoEnglishAndIsRemembered() {
		this.browser.open("/login");
		this.browser.click(".languages a[lang=en]");
		assertThat(this.browser.text("main.login h1")).isEqualTo("Log in to Convoca");

		this.browser.logInAs(OWNER, OWNER_PASSWORD);
		assertThat(this.browser.text("main.panel h1")).isEqualTo("Dashboard");
		assertThat(this.browser.text("#open-calls .label")).isEqualTo("open calls");

		this.browser.click(".languages a[lang=es]");
		assertThat(this.browser.text("main.panel h1")).isEqualTo("Panel");
	}

	@Test
	void loggingOutEndsTheSession() {
		this.browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		assertThat(this.browser.text("header .user"))
			.isEqualTo("Subgerencia de Cooperación Técnica Internacional (demo)");

		this.browser.logOut();

		assertThat(this.browser.text("#login-logout")).isEqualTo("Cerró su sesión.");
		this.browser.open("/");
		assertThat(this.browser.path()).isEqualTo("/login");
	}

	@Test
	void swaggerUiShowsTheApiToALoggedInUser() {
		logInAsAdmin();
		this.browser.open("/swagger-ui");
		assertThat(this.browser.text(".info .title")).startsWith("Convoca API");
	}

}
