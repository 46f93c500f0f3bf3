package pe.gob.munlima.convoca;

import java.nio.file.Path;
import java.time.Instant;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running application for the security, API-convention, page and browser tests: they
 * extend this class and so share one Spring context (one embedded PostgreSQL), with the
 * demo data, the demo users, "today" pinned to 24 November 2026 ({@link #START}, on a
 * {@link MutableClock}), and a funder's feed on a local server that
 * {@link WebFixtures#load} crawls for the tests that need its calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebContextTestSupport.Clocks.class)
public abstract class WebContextTestSupport {

	/**
	 * "Now" for every test of this context. Tests that move the clock (a login lock that
	 * expires) set it back.
	 */
	public static final Instant START = Instant.parse("2026-11-24T15:00:00Z");

	static final Path WORK = TestWorkspace.create("convoca-web-it");

	static {
		// A funder's feed on a local server, for the page tests (WebFixtures.load crawls
		// it).
		WebFixtures.writeSource(WORK.resolve("crawlers"));
	}

	/** The demo users of README (created in demo mode). */
	public static final String SUBGERENCIA = "subgerencia";

	public static final String SUBGERENCIA_PASSWORD = "subgerencia-demo";

	/** Project owner of the Gerencia de Movilidad Urbana (GMU). */
	public static final String OWNER = "movilidad";

	public static final String OWNER_PASSWORD = "movilidad-demo";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.crawl.allow-private-addresses", () -> "true");
	}

	@LocalServerPort
	protected int port;

	/** The API as the test administrator. */
	protected Api api() {
		return new Api(this.port);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

	}

}
