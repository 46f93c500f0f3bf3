package pe.gob.munlima.convoca;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Browser tests: the shared running application (WebContextTestSupport) and one headless
 * Chromium per test class, every test starting as a new visitor. Log in as a role with
 * {@code browser.logInAs(SUBGERENCIA, SUBGERENCIA_PASSWORD)} or as the administrator with
 * {@link #logInAsAdmin()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport extends WebContextTestSupport {

	protected Browser browser;

	@BeforeAll
	void startBrowser() {
		this.browser = Browser.start(this.port);
	}

	@BeforeEach
	void newVisitor() {
		this.browser.open("/login").forget();
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	protected Browser logInAsAdmin() {
		return this.browser.logInAs(Api.ADMIN, Api.ADMIN_PASSWORD);
	}

}
