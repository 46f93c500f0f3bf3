package pe.gob.munlima.convoca.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The development set of issue 13: real calls labelled by hand, read where the shared
 * folder keeps them ({@code ../shared/evaluation/dev-set.json}). They are test data of
 * the study, not the project's: read in place, never copied into the repository (the
 * report names cases by id only).
 */
final class EvaluationSet {

	static final Path FOLDER = Path.of("..", "shared", "evaluation");

	static final Path DEV_SET = FOLDER.resolve("dev-set.json");

	private EvaluationSet() {
	}

	/** The cases, or a skipped test (JUnit assumption) on a clone without the folder. */
	static List<EvaluationCase> devSetOrSkip() {
		assumeTrue(Files.isRegularFile(DEV_SET),
				"no " + DEV_SET.toAbsolutePath().normalize() + ": the evaluation data lives beside the repository");
		return read(DEV_SET);
	}

	static List<EvaluationCase> read(Path file) {
		try {
			JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
			List<EvaluationCase> cases = new ArrayList<>();
			for (JsonNode c : root) {
				cases.add(new EvaluationCase(c.get("id").asString(), text(c, "funder"), text(c, "title"),
						text(c, "url"), text(c, "language"), text(c, "publicationDate"), text(c, "text"),
						c.get("project"), text(c, "expectedVerdict"), strings(c.get("acceptableVerdicts")),
						strings(c.get("failingCriteria"))));
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach(v -> values.add(v.asString()));
		}
		return values;
	}

	/**
	 * One labelled case: a call's own words, the Lima project judged, and the human
	 * verdict with the deadline ignored.
	 *
	 * @param project the JSON body of {@code POST /api/projects}
	 * @param acceptableVerdicts verdicts also accepted; empty means the expected one only
	 * @param failingCriteria criterion families (names of rules/README.md) that fail
	 */
	record EvaluationCase(String id, String funder, String title, String url, String language, String publicationDate,
			String text, JsonNode project, String expectedVerdict, List<String> acceptableVerdicts,
			List<String> failingCriteria) {

		List<String> acceptable() {
			return this.acceptableVerdicts.isEmpty() ? List.of(this.expectedVerdict) : this.acceptableVerdicts;
		}

	}

}
