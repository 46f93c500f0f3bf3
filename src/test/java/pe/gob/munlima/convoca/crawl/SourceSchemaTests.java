package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code crawlers/source.schema.json} is what an editor checks a source definition
 * against while it is written: every definition of the folder passes it, a typo fails it,
 * and it names exactly the fields {@link SourceDefinition} reads, so it cannot drift from
 * the code.
 */
class SourceSchemaTests {

	static final Path FOLDER = Path.of("crawlers");

	static final Path SCHEMA_FILE = FOLDER.resolve("source.schema.json");

	@Test
	void everyDefinitionOfTheFolderPassesTheSchemaAndNamesIt() throws IOException {
		Schema schema = schema();
		List<String> problems = new ArrayList<>();
		for (Path file : definitions()) {
			String text = Files.readString(file);
			if (!text.startsWith("# yaml-language-server: $schema=source.schema.json")) {
				problems.add(file + ": the first line does not name the schema for editors");
			}
			schema.validate(YAMLMapper.builder().build().readTree(text))
				.forEach(error -> problems.add(file + ": " + error));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aTypoAWrongKindAndAMissingCheckedFieldAreReported() throws IOException {
		JsonNode definition = YAMLMapper.builder().build().readTree("""
				id: fondo-prueba
				funder: Fondo
				kind: htlm
				url: https://fondo.example/convocatorias
				schedule: {cron: "0 0 6 * * ?"}
				items: article
				fields: {title: h2, deadlin: .fecha}
				""");
		List<String> errors = schema().validate(definition).stream().map(Error::toString).toList();
		assertThat(String.join("\n", errors)).contains("kind", "deadlin", "checked");
	}

	@Test
	void theSchemaNamesExactlyWhatTheDefinitionReads() throws IOException {
		JsonNode schema = JsonMapper.builder().build().readTree(SCHEMA_FILE.toFile());
		JsonNode properties = schema.get("properties");
		assertThat(properties.propertyNames()).containsExactlyInAnyOrderElementsOf(components(SourceDefinition.class));
		for (Class<?> nested : List.of(SourceDefinition.Schedule.class, SourceDefinition.Politeness.class,
				SourceDefinition.Pagination.class, SourceDefinition.Filter.class, SourceDefinition.Limits.class,
				SourceDefinition.Documents.class, SourceDefinition.Detail.class)) {
			String name = Character.toLowerCase(nested.getSimpleName().charAt(0)) + nested.getSimpleName().substring(1);
			assertThat(properties.get(name).get("properties").propertyNames()).as(name)
				.containsExactlyInAnyOrderElementsOf(components(nested));
		}
		JsonNode defs = schema.get("$defs");
		assertThat(defs.get("request").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(components(SourceDefinition.Request.class));
		assertThat(defs.get("condition").get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(components(SourceDefinition.Condition.class));
		assertThat(defs.get("fieldSpec").get("oneOf").get(2).get("properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(components(FieldSpec.class));
		assertThat(strings(defs.get("fields").get("propertyNames").get("enum")))
			.containsExactlyInAnyOrderElementsOf(FieldNames.all());
		assertThat(strings(properties.get("kind").get("enum"))).containsExactlyInAnyOrderElementsOf(Kind.labels());
	}

	static Schema schema() throws IOException {
		try (InputStream in = Files.newInputStream(SCHEMA_FILE)) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
	}

	private static List<Path> definitions() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.filter(file -> file.toString().endsWith(".yaml"))
				.filter(file -> !file.getFileName().toString().equals("funders.yaml"))
				.sorted()
				.toList();
		}
	}

	static List<String> components(Class<?> record) {
		return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
