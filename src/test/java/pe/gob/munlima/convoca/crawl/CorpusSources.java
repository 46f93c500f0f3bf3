package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.RawCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The definitions that read the files of the shared corpus (shipped ones where a shipped
 * source reads that format, src/test/resources/corpus/ otherwise), and extraction of a
 * file on its bytes, as the crawler would from a fetched page. Shared by
 * {@link CorpusExtractionTests} and {@link CrawlBenchmark}.
 */
final class CorpusSources {

	static final Path CORPUS = Path.of("..", "shared", "corpus");

	private final Extractors extractors;

	private final SourceValidator validator;

	CorpusSources(Extractors extractors) {
		this.extractors = extractors;
		this.validator = new SourceValidator(extractors);
	}

	/** Which definition reads a corpus file: by its folder. */
	SourceDefinition definitionFor(Path file) {
		String folder = file.getParent().getFileName().toString();
		return switch (folder) {
			case "aggregator-atom-feed" -> corpus("aggregator-atom");
			case "eu-ft-portal-sedia-derived" -> corpus("eu-grants-feed-derived");
			case "eu-ft-portal-sedia-search-json" -> shipped("eu-funding-tenders");
			case "gbif-bid-call-pages-md" -> corpus("gbif-bid-call-page");
			case "grantforward-export-xml" -> corpus("grantforward");
			case "grantsgov-fetchopportunity-legacy-json" -> detailOnly(shipped("grants-gov-search"));
			case "grantsgov-search-json" -> corpus("grantsgov-legacy-search");
			case "grantsgov-search2-json" -> shipped("grants-gov-search");
			case "grantsgov-xml-extract-as-csv" -> {
				SourceDefinition xml = shipped("grants-gov-xml-extract");
				yield new SourceDefinition("csv", "Grants.gov", "csv", "https://example.org/x.csv", "en",
						xml.schedule(), "corpus", null, null, null, null, null, xml.fields(), null, null, null);
			}
			case "iati-activities" -> corpus("iati-activities");
			case "iati-codelists" -> corpus("iati-codelist");
			case "secop2-colombia-json" -> corpus("secop2");
			case "sicon-colombia-convocatorias-json" -> corpus("sicon-bogota");
			case "ungm-html-listing" -> withoutFilter(shipped("ungm-peru"));
			case "worldbank-procnotices-json" -> corpus("worldbank-procnotices");
			default -> throw new AssertionError("no definition reads " + file);
		};
	}

	SourceDefinition shipped(String id) {
		return load(Path.of("crawlers", id + ".yaml"));
	}

	SourceDefinition corpus(String id) {
		return load(Path.of("src", "test", "resources", "corpus", id + ".yaml"));
	}

	SourceDefinition load(Path file) {
		SourceDefinition definition = YAMLMapper.builder().build().readValue(file.toFile(), SourceDefinition.class);
		assertThat(this.validator.validate(file.getFileName().toString(), definition)).as("problems of %s", file)
			.isEmpty();
		return definition;
	}

	/** The detail mapping of a definition, applied to a whole detail record. */
	static SourceDefinition detailOnly(SourceDefinition d) {
		return new SourceDefinition(d.id(), d.funder(), d.kind(), d.url(), d.language(), d.schedule(), d.checked(),
				null, null, null, null, null, withTitle(d.detail().fields()), null, null, null);
	}

	private static Map<String, FieldSpec> withTitle(Map<String, FieldSpec> fields) {
		Map<String, FieldSpec> all = new LinkedHashMap<>(fields);
		all.put("id", FieldSpec.of("opportunityNumber"));
		all.put("title", FieldSpec.of("opportunityTitle"));
		return all;
	}

	static SourceDefinition withoutFilter(SourceDefinition d) {
		return new SourceDefinition(d.id(), d.funder(), d.kind(), d.url(), d.language(), d.schedule(), d.checked(),
				d.politeness(), d.allowedHosts(), d.request(), d.pagination(), d.items(), d.fields(), d.detail(), null,
				d.limits());
	}

	/**
	 * What a definition extracts from one file, as the crawler would from a fetched page.
	 */
	Extracted extract(SourceDefinition d, Path file) throws IOException {
		Kind kind = Kind.of(d.kind()).orElseThrow();
		ItemMapper mapper = this.extractors.mapper();
		Map<String, FieldSpec> fields = ItemMapper.fields(kind, d.fields());
		boolean keepAll = kind == Kind.JSON_API || kind == Kind.CSV || kind.feed();
		List<RawCall> calls = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		int[] filtered = { 0 };
		Extractor.Reading reading = new Extractor.Reading(URI.create(Templates.blank(d.url())), d.items(),
				d.pagination() == null ? null : d.pagination().next(),
				d.pagination() == null ? null : d.pagination().total(), 64L * 1024 * 1024);
		Extractor.PageInfo info = this.extractors.of(kind).read(Body.of(Files.readAllBytes(file)), reading, item -> {
			Map<String, List<String>> values = mapper.values(item, fields, keepAll);
			if (!mapper.kept(values, d.filter())) {
				filtered[0]++;
				return;
			}
			try {
				calls.add(mapper.call(values));
			}
			catch (ExtractionException ex) {
				errors.add(ex.getMessage());
			}
		});
		return new Extracted(calls, filtered[0], errors, info);
	}

	record Extracted(List<RawCall> calls, int filtered, List<String> errors, Extractor.PageInfo info) {

		RawCall call(String id) {
			return this.calls.stream()
				.filter(c -> id.equals(c.externalId()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no item " + id));
		}

	}

}
