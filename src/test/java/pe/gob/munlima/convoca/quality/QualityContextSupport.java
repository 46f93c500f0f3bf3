package pe.gob.munlima.convoca.quality;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TestWorkspace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application for the evaluation: its own embedded PostgreSQL, index and crawler
 * folder (a context of its own, so the evaluation's hundreds of imported calls never
 * reach the page tests' shared context), the demo profile of Lima and its portfolio, HTTP
 * on a random port, the test administrator of {@link Api}. The clock is not pinned:
 * deadlines are left out of every verdict measured here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class QualityContextSupport {

	static final Path WORK = TestWorkspace.create("convoca-quality");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		// the corpus files are served to the crawler by a local server (QualityReport)
		registry.add("convoca.crawl.allow-private-addresses", () -> "true");
	}

	/**
	 * Without the evaluation data there is nothing to measure: skipped before the
	 * application starts (an assumption in a static set-up aborts the class first).
	 */
	@BeforeAll
	static void evaluationData() {
		EvaluationSet.devSetOrSkip();
	}

	@LocalServerPort
	int port;

	Api api() {
		return new Api(this.port);
	}

}
