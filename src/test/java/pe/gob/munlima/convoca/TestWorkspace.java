package pe.gob.munlima.convoca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A temporary folder for one integration-test context: a fresh embedded database, index
 * and crawler folder, and a copy of the shipped rules so a test can edit rules without
 * touching rules/.
 */
public final class TestWorkspace {

	private TestWorkspace() {
	}

	public static Path create(String prefix) {
		try {
			Path work = Files.createTempDirectory(prefix);
			copyRules(work.resolve("rules"));
			Files.createDirectories(work.resolve("crawlers"));
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void register(DynamicPropertyRegistry registry, Path work) {
		registry.add("convoca.embedded-db.data-dir", () -> work.resolve("postgres").toString());
		registry.add("convoca.embedded-db.clean", () -> "true");
		registry.add("convoca.search.data-dir", () -> work.resolve("index").toString());
		registry.add("convoca.crawl.dir", () -> work.resolve("crawlers").toString());
		registry.add("convoca.rules.dir", () -> work.resolve("rules").toString());
		registry.add("convoca.search.exchange-rates-file", () -> work.resolve("rules/parameters.yaml").toString());
		// The local test server needs no politeness, and retries need not wait long.
		registry.add("convoca.crawl.host-delay", () -> "0s");
		registry.add("convoca.crawl.retry-backoff", () -> "10ms");
		// The administrator the Api client logs in as; cheap hashes keep Basic fast.
		registry.add("convoca.security.admin.password", () -> Api.ADMIN_PASSWORD);
		registry.add("convoca.security.bcrypt-strength", () -> "4");
	}

	private static void copyRules(Path target) throws IOException {
		Path source = Path.of("rules");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith(".drl") || name.endsWith(".yaml")) {
					Path copy = target.resolve(source.relativize(file).toString());
					Files.createDirectories(copy.getParent());
					Files.copy(file, copy);
				}
			}
		}
	}

}
