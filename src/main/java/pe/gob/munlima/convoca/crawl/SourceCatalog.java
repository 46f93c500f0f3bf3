package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.quartz.CronExpression;
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

	static final Set<String> KINDS = Set.of("rss", "atom");

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private static final Pattern LANGUAGE = Pattern.compile("es|en|fr|pt");

	private final Path dir;

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private volatile Map<String, SourceDefinition> sources = Map.of();

	private volatile List<SourceProblem> problems = List.of();

	SourceCatalog(CrawlProperties properties) {
		this.dir = properties.dir();
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
				List<SourceProblem> invalid = validate(name, definition);
				if (invalid.isEmpty() && loaded.containsKey(definition.id())) {
					invalid = List.of(new SourceProblem(name, "id", "duplicate id " + definition.id()));
				}
				if (invalid.isEmpty()) {
					loaded.put(definition.id(), definition);
				}
				found.addAll(invalid);
			}
			catch (DatabindException ex) {
				String field = ex.getPath().isEmpty() ? "(file)"
						: ex.getPath().get(ex.getPath().size() - 1).getPropertyName();
				found.add(new SourceProblem(name, String.valueOf(field), ex.getOriginalMessage()));
			}
			catch (JacksonException ex) {
				found.add(new SourceProblem(name, "(file)", "not valid YAML: " + ex.getOriginalMessage()));
			}
		}
		found.forEach(problem -> log.error("Source definition skipped: {}", problem));
		this.sources = Map.copyOf(loaded);
		this.problems = List.copyOf(found);
		log.info("{} source definitions loaded from {}, {} skipped", loaded.size(), this.dir, found.size());
	}

	private List<Path> files() {
		if (!Files.isDirectory(this.dir)) {
			log.warn("Crawler folder {} not found: no sources", this.dir.toAbsolutePath());
			return List.of();
		}
		try (Stream<Path> list = Files.list(this.dir)) {
			return list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + this.dir, ex);
		}
	}

	static List<SourceProblem> validate(String file, SourceDefinition d) {
		List<SourceProblem> problems = new ArrayList<>();
		if (d == null) {
			return List.of(new SourceProblem(file, "(file)", "empty definition"));
		}
		if (d.id() == null || !ID.matcher(d.id()).matches()) {
			problems.add(new SourceProblem(file, "id", "required: lower-case letters, digits and hyphens"));
		}
		else if (!file.equals(d.id() + ".yaml")) {
			problems.add(new SourceProblem(file, "id", "must equal the file name without .yaml"));
		}
		if (d.funder() == null || d.funder().isBlank()) {
			problems.add(new SourceProblem(file, "funder", "required"));
		}
		if (d.kind() == null || !KINDS.contains(d.kind())) {
			problems.add(new SourceProblem(file, "kind", "required, one of " + KINDS));
		}
		validateUrl(file, d.url()).ifPresent(problems::add);
		if (d.language() != null && !LANGUAGE.matcher(d.language()).matches()) {
			problems.add(new SourceProblem(file, "language", "one of es, en, fr, pt (or leave it out to detect)"));
		}
		if (d.politeness() != null && d.politeness().delaySeconds() != null && d.politeness().delaySeconds() < 1) {
			problems.add(new SourceProblem(file, "politeness.delaySeconds", "at least 1 second between requests"));
		}
		if (d.schedule() == null || d.schedule().cron() == null) {
			problems.add(new SourceProblem(file, "schedule.cron", "required"));
		}
		else {
			if (!CronExpression.isValidExpression(d.schedule().cron())) {
				problems.add(new SourceProblem(file, "schedule.cron",
						"not a Quartz cron expression: " + d.schedule().cron()));
			}
			if (d.schedule().zone() != null) {
				try {
					ZoneId.of(d.schedule().zone());
				}
				catch (DateTimeException ex) {
					problems.add(new SourceProblem(file, "schedule.zone", "unknown time zone " + d.schedule().zone()));
				}
			}
		}
		return problems;
	}

	private static Optional<SourceProblem> validateUrl(String file, String url) {
		if (url == null) {
			return Optional.of(new SourceProblem(file, "url", "required"));
		}
		try {
			URI uri = new URI(url);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				return Optional.of(new SourceProblem(file, "url", "must be an absolute http(s) URL"));
			}
			return Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.of(new SourceProblem(file, "url", "not a URL: " + ex.getMessage()));
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
