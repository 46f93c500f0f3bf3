package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the rule test cases of a folder (every .yaml file, a list of scenarios each). */
public final class RuleScenarios {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private RuleScenarios() {
	}

	/**
	 * @return file name and scenario, in file order
	 */
	public static List<Named> read(Path dir) throws IOException {
		List<Named> all = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
				List<RuleScenario> scenarios = YAML.readValue(file.toFile(), new TypeReference<List<RuleScenario>>() {
				});
				scenarios.forEach(s -> all.add(new Named(file.getFileName().toString(), s)));
			}
		}
		return all;
	}

	/** A scenario with the file it came from. */
	public record Named(String file, RuleScenario scenario) {

		@Override
		public String toString() {
			return this.file + ": " + this.scenario.name();
		}

	}

}
