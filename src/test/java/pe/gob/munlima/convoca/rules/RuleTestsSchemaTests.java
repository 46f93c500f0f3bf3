package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.requirement.RequirementFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules/tests/rule-tests.schema.json} lets an editor check a rule test while it is
 * written: every test file passes it, a misspelt fact or verdict fails it, and it names
 * exactly what {@link RuleScenario} reads (a new fact of the requirements model is
 * testable, and checkable, the day it exists).
 */
class RuleTestsSchemaTests {

	static final Path TESTS = Path.of("rules", "tests");

	static final Path SCHEMA_FILE = TESTS.resolve("rule-tests.schema.json");

	@Test
	void everyTestFilePassesTheSchemaAndNamesIt() throws IOException {
		Schema schema = schema();
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(TESTS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				String text = Files.readString(file);
				if (!text.startsWith("# yaml-language-server: $schema=rule-tests.schema.json")) {
					problems.add(file + ": the first line does not name the schema for editors");
				}
				schema.validate(YAMLMapper.builder().build().readTree(text))
					.forEach(error -> problems.add(file + ": " + error));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aMisspeltFactAndAnUnknownVerdictAreReported() throws IOException {
		JsonNode cases = YAMLMapper.builder().build().readTree("""
				- name: Una prueba con errores
				  call: {deadline: 2027-03-15, aplicantTypes: [LOCAL_GOVERNMENT]}
				  expect: {verdict: ELEGIBLE}
				""");
		String errors = String.join("\n", schema().validate(cases).stream().map(Error::toString).toList());
		assertThat(errors).contains("aplicantTypes", "/0/expect/verdict");
	}

	@Test
	void theSchemaNamesExactlyWhatARuleTestReads() throws IOException {
		JsonNode caseSchema = JsonMapper.builder().build().readTree(SCHEMA_FILE.toFile()).get("$defs").get("case");
		JsonNode properties = caseSchema.get("properties");
		assertThat(properties.propertyNames()).containsExactlyInAnyOrderElementsOf(components(RuleScenario.class));
		assertThat(properties.get("project").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(components(RuleScenario.GivenProject.class));
		assertThat(properties.get("applicant").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(components(RuleScenario.GivenApplicant.class));
		assertThat(properties.get("expect").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(components(RuleScenario.Expect.class));
		Set<String> callKeys = new LinkedHashSet<>(RuleScenario.CALL_KEYS);
		callKeys.addAll(RequirementFacts.names());
		List<String> named = new ArrayList<>();
		properties.get("call").get("propertyNames").get("enum").forEach(value -> named.add(value.asString()));
		assertThat(named).containsExactlyInAnyOrderElementsOf(callKeys);
		List<String> verdicts = new ArrayList<>();
		properties.get("expect").get("properties").get("verdict").get("enum").forEach(v -> verdicts.add(v.asString()));
		assertThat(verdicts)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(Verdict.values()).map(Enum::name).toList());
	}

	private static Schema schema() throws IOException {
		try (InputStream in = Files.newInputStream(SCHEMA_FILE)) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
	}

	private static List<String> components(Class<?> record) {
		return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
	}

}
