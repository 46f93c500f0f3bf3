package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads rule test cases: every tests/*.yaml file is a list of scenarios. */
public final class RuleScenarios {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private RuleScenarios() {
	}

	/**
	 * @param files relative path to content; only tests/*.yaml entries are read
	 */
	static List<Named> parse(Map<String, String> files) {
		List<Named> all = new ArrayList<>();
		for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
			if (!file.getKey().startsWith(RuleCompiler.TESTS) || !file.getKey().endsWith(".yaml")) {
				continue;
			}
			try {
				List<RuleScenario> scenarios = YAML.readValue(file.getValue(), new TypeReference<List<RuleScenario>>() {
				});
				scenarios.forEach(s -> all.add(new Named(file.getKey(), s)));
			}
			catch (JacksonException ex) {
				int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
				throw new RuleSetRejectedException(
						List.of(new RuleError(file.getKey(), line, ex.getOriginalMessage())));
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
