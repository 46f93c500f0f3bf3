package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.stereotype.Component;

/**
 * The valid source definitions of the crawler folder, and the problems of the invalid
 * ones. A bad file is reported with its file and field and skipped; the others load.
 */
@Component
class SourceCatalog {

	private static final Logger log = LoggerFactory.getLogger(SourceCatalog.class);

	private final Path dir;

	private final SourceValidator validator;

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private volatile Map<String, SourceDefinition> sources = Map.of();

	private volatile List<SourceProblem> problems = List.of();

	SourceCatalog(CrawlProperties properties, Extractors extractors) {
		this.dir = properties.dir();
		this.validator = new SourceValidator(extractors);
		reload();
	}

	/**
	 * What the folder holds now (names, sizes, modification times), to notice edits
	 * cheaply.
	 */
	String fingerprint() {
		StringBuilder print = new StringBuilder();
		for (Path file : files()) {
			try {
				print.append(file.getFileName())
					.append(':')
					.append(Files.size(file))
					.append(':')
					.append(Files.getLastModifiedTime(file).toMillis())
					.append('\n');
			}
			catch (IOException ex) {
				print.append(file.getFileName()).append(":gone\n");
			}
		}
		return print.toString();
	}

	/** Reads the folder again. */
	synchronized void reload() {
		Map<String, SourceDefinition> loaded = new TreeMap<>();
		List<SourceProblem> found = new ArrayList<>();
		for (Path file : files()) {
			String name = file.getFileName().toString();
			try {
				SourceDefinition definition = this.yaml.readValue(file.toFile(), SourceDefinition.class);
				List<SourceProblem> invalid = this.validator.validate(name, definition);
				if (invalid.isEmpty() && loaded.containsKey(definition.id())) {
					invalid = List.of(new SourceProblem(name, "id", "id repetido " + definition.id()));
				}
				if (invalid.isEmpty()) {
					loaded.put(definition.id(), definition);
				}
				found.addAll(invalid);
			}
			catch (DatabindException ex) {
				found.add(new SourceProblem(name, field(ex), ex.getOriginalMessage()));
			}
			catch (JacksonException ex) {
				found.add(new SourceProblem(name, "(file)", "no es YAML válido: " + ex.getOriginalMessage()));
			}
		}
		found.forEach(problem -> log.error("Source definition skipped: {}", problem));
		this.sources = Map.copyOf(loaded);
		this.problems = List.copyOf(found);
		log.info("{} source definitions loaded from {}, {} skipped", loaded.size(), this.dir, found.size());
	}

	/** The dotted path of the field a binding error is about: detail.fields.deadline. */
	private static String field(DatabindException ex) {
		if (ex.getPath().isEmpty()) {
			return "(file)";
		}
		StringBuilder field = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
		}
		return field.isEmpty() ? "(file)" : field.toString();
	}

	private static final String FUNDER_RULES = "funders.yaml";

	private List<Path> files() {
		if (!Files.isDirectory(this.dir)) {
			log.warn("Crawler folder {} not found: no sources", this.dir.toAbsolutePath());
			return List.of();
		}
		try (Stream<Path> list = Files.list(this.dir)) {
			// funders.yaml beside the definitions holds the funders' general rules, read
			// by
			// the call reader; it is not a source.
			return list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
				.filter(p -> !FUNDER_RULES.equals(p.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + this.dir, ex);
		}
	}

	Optional<SourceDefinition> find(String id) {
		return Optional.ofNullable(this.sources.get(id));
	}

	Collection<SourceDefinition> all() {
		return this.sources.values();
	}

	List<SourceProblem> problems() {
		return this.problems;
	}

}
