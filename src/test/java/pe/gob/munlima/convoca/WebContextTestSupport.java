package pe.gob.munlima.convoca;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running application for the security, API-convention and browser tests: they extend
 * this class and so share one Spring context (one embedded PostgreSQL), with the demo
 * data, the demo users and "today" pinned to 24 November 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "convoca.clock.fixed=2026-11-24T15:00:00Z")
public abstract class WebContextTestSupport {

	static final Path WORK = TestWorkspace.create("convoca-web-it");

	/** The demo users of README (created in demo mode). */
	public static final String SUBGERENCIA = "subgerencia";

	public static final String SUBGERENCIA_PASSWORD = "subgerencia-demo";

	/** Project owner of the Gerencia de Movilidad Urbana (GMU). */
	public static final String OWNER = "movilidad";

	public static final String OWNER_PASSWORD = "movilidad-demo";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
	}

	@LocalServerPort
	protected int port;

	/** The API as the test administrator. */
	protected Api api() {
		return new Api(this.port);
	}

}
