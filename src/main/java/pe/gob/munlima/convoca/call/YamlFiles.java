package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one of the reader's data files (reading/*.yaml, crawlers/funders.yaml) into its
 * record; a missing or broken file fails with what it is, its path and the parser's
 * message, so a start stops naming the file to mend.
 */
final class YamlFiles {

	private YamlFiles() {
	}

	/**
	 * @param what what the file holds, as the error names it ("vocabulary", "calendar")
	 */
	static <T> T read(Path file, Class<T> type, String what) {
		try (InputStream in = Files.newInputStream(file)) {
			return YAMLMapper.builder().build().readValue(in, type);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read " + what + " " + file + ": " + ex.getMessage(), ex);
		}
	}

}
