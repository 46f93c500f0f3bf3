package pe.gob.munlima.convoca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the shipped rule folder, so a test can edit rules without touching rules/. */
final class TestRules {

	private TestRules() {
	}

	static void copyTo(Path target) throws IOException {
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
