package pe.gob.munlima.convoca.crawl;

import java.math.BigDecimal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.CallPreview;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.iati.IatiReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every source definition of crawlers/ against pages we wrote in the shape of the real
 * ones (crawlers/fixtures/&lt;id&gt;/). Each host the definition names gets a local
 * server on loopback that answers as its expected.yaml says ({@code serve}: path, query
 * or body to match, file, optionally zipped); absolute links to the real host inside the
 * pages are pointed at the local server. The real crawler (fetcher, extractor of the
 * kind, pagination, details, filter) runs the definition, and what comes out is compared
 * with the expected items, raw fields and, where given, the normalised call. A definition
 * without fixtures fails, so none goes untested.
 */
class CrawlerFixtureTests {

	/** "Today" for ${today} in URLs (the Grants.gov extract is named by date). */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

	static Collection<SourceDefinition> definitions() {
		return new SourceCatalog(SourceCatalogTests.properties(Path.of("crawlers")), new Extractors()).all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("definitions")
	void extractsWhatTheFixtureExpects(SourceDefinition source) throws IOException {
		Path fixtures = Path.of("crawlers", "fixtures", source.id());
		assertThat(fixtures.resolve("expected.yaml")).as("fixtures of %s", source.id()).exists();
		Expected expected = YAMLMapper.builder()
			.build()
			.readValue(fixtures.resolve("expected.yaml").toFile(), Expected.class);
		try (LocalHosts hosts = new LocalHosts(source, fixtures, expected.serve())) {
			SourceDefinition local = hosts.rewrite(source);
			CrawlProgress progress = new CrawlProgress();
			List<RawCall> calls = new ArrayList<>();
			if (Kind.IATI.label().equals(source.kind())) {
				// Activities, not calls: read by the iati module, counted part by part.
				List<IatiReport> reports = new ArrayList<>();
				crawler().crawlPages(local, false, progress, new IatiPages(null, source.id(), reports::add));
				assertListing(source, expected, progress);
				IatiReport report = reports.get(reports.size() - 1);
				assertThat(report.stored(IatiReport.ACTIVITIES)).as("activities kept by %s", source.id())
					.isEqualTo(expected.stored());
				expected.parts().forEach((part, count) -> {
					assertThat(report.read(part)).as("%s read by %s", part, source.id()).isEqualTo(count);
					assertThat(report.stored(part)).as("%s kept by %s", part, source.id()).isEqualTo(count);
				});
				assertThat(report.problems()).as("problems of %s", source.id()).isEmpty();
				return;
			}
			crawler().crawl(local, false, progress, calls::addAll);

			assertListing(source, expected, progress);
			assertThat(calls).as("calls kept by %s", source.id()).hasSize(expected.stored());
			List<RawCall> real = calls.stream().map(hosts::restore).toList();
			for (ExpectedCall want : expected.calls()) {
				RawCall call = real.stream()
					.filter(c -> want.id().equals(c.externalId()))
					.findFirst()
					.orElseThrow(() -> new AssertionError(
							"no call " + want.id() + " in " + real.stream().map(RawCall::externalId).toList()));
				assertThat(call.title()).isEqualTo(want.title());
				if (want.link() != null) {
					assertThat(call.link()).isEqualTo(want.link());
				}
				if (want.summaryContains() != null) {
					assertThat(call.summaryHtml()).contains(want.summaryContains());
				}
				if (want.fields() != null) {
					want.fields()
						.forEach((name, values) -> assertThat(call.values(FieldNames.RAW.get(name)))
							.as("%s of %s", name, want.id())
							.containsExactlyElementsOf(values));
				}
				if (want.normalised() != null) {
					assertNormalised(source, call, want.normalised());
				}
			}
		}
	}

	private static void assertListing(SourceDefinition source, Expected expected, CrawlProgress progress) {
		assertThat(progress.errors()).as("errors of %s", source.id())
			.extracting(RunError::message)
			.containsExactlyElementsOf(expected.errors() == null ? List.of() : expected.errors());
		assertThat(progress.itemsFound()).as("items of %s", source.id()).isEqualTo(expected.items());
		assertThat(progress.pagesFetched()).as("requests of %s", source.id()).isEqualTo(expected.pages());
		assertThat(progress.complete()).as("listing of %s read to its end", source.id()).isEqualTo(expected.complete());
	}

	@SuppressWarnings("unchecked")
	private static void assertNormalised(SourceDefinition source, RawCall call, Map<String, Object> want) {
		CallPreview preview = CallPreview
			.of(Path.of("reading", "vocabulary.yaml"), CrawlService.info(source), List.of(call))
			.get(0);
		assertThat(preview.error()).isNull();
		if (want.containsKey("deadline")) {
			assertThat(preview.deadline().atZone(ZoneId.of("America/Lima")).toLocalDate())
				.isEqualTo(LocalDate.parse(String.valueOf(want.get("deadline"))));
		}
		if (want.containsKey("applicantTypes")) {
			assertThat(preview.requirements().<List<String>>value("applicantTypes"))
				.containsExactlyInAnyOrderElementsOf((List<String>) want.get("applicantTypes"));
		}
		if (want.containsKey("eligibleGeographies")) {
			assertThat(preview.requirements().<List<String>>value("eligibleGeographies"))
				.containsExactlyInAnyOrderElementsOf((List<String>) want.get("eligibleGeographies"));
		}
		if (want.containsKey("amountMax")) {
			assertThat(preview.requirements().<BigDecimal>value("amountMax").intValueExact())
				.isEqualTo(want.get("amountMax"));
			assertThat(preview.requirements().<String>value("currency")).isEqualTo(want.get("currency"));
		}
	}

	static SourceCrawler crawler() {
		CrawlProperties properties = SourceCatalogTests.properties(Path.of("crawlers"));
		return new SourceCrawler(new Fetcher(properties, new NoMemory(), CLOCK), new Extractors(), CLOCK);
	}

	/**
	 * @param serve what the local servers answer
	 * @param items items found in the listing
	 * @param stored calls kept (after the filter)
	 * @param pages requests made (listing pages and details)
	 * @param complete whether the listing was read to its end
	 * @param errors messages of the pages or items that failed, in order
	 * @param parts sources of kind iati: elements of each part (sectors, locations ...)
	 * that must be read and kept
	 */
	record Expected(List<Served> serve, int items, int stored, int pages, boolean complete, List<String> errors,
			List<ExpectedCall> calls, Map<String, Integer> parts) {

		Expected {
			calls = calls == null ? List.of() : calls;
			parts = parts == null ? Map.of() : parts;
		}

	}

	/**
	 * @param host the real host this answer stands for (default: the listing's)
	 * @param query text the query string must contain
	 * @param body text the POST body must contain
	 * @param zip serve the file zipped, as the Grants.gov extract comes
	 */
	record Served(String host, String path, String query, String body, String file, String type, Boolean zip) {
	}

	record ExpectedCall(String id, String title, String link, String summaryContains, Map<String, List<String>> fields,
			Map<String, Object> normalised) {
	}

	/** One loopback server per host the definition names. */
	static final class LocalHosts implements AutoCloseable {

		private final Map<String, HttpServer> servers = new LinkedHashMap<>();

		/** Real origin (https://host) → local base (http://127.0.0.1:port), both ways. */
		private final Map<String, String> toLocal = new LinkedHashMap<>();

		private final Map<String, String> toReal = new LinkedHashMap<>();

		LocalHosts(SourceDefinition source, Path fixtures, List<Served> serve) throws IOException {
			String listingHost = URI.create(Templates.blank(source.url())).getHost();
			for (String host : source.hosts()) {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				String local = "http://127.0.0.1:" + server.getAddress().getPort();
				List<Served> mine = serve.stream()
					.filter(s -> host.equals(s.host() == null ? listingHost : s.host()))
					.toList();
				server.createContext("/", exchange -> answer(exchange, mine, fixtures));
				server.start();
				this.servers.put(host, server);
				this.toLocal.put("https://" + host, local);
				this.toLocal.put("http://" + host, local);
				this.toReal.put(local, scheme(source, host) + "://" + host);
			}
		}

		private static String scheme(SourceDefinition source, String host) {
			for (String url : new String[] { source.url(), source.detail() == null ? null : source.detail().url() }) {
				if (url != null && url.contains("://" + host)) {
					return url.substring(0, url.indexOf("://"));
				}
			}
			return "https";
		}

		SourceDefinition rewrite(SourceDefinition d) {
			SourceDefinition.Detail detail = d.detail() == null ? null : new SourceDefinition.Detail(
					local(d.detail().url()), d.detail().request(), d.detail().items(), d.detail().fields());
			// Politeness off: the local server needs none.
			return new SourceDefinition(d.id(), d.funder(), d.kind(), local(d.url()), d.language(), d.schedule(),
					d.checked(), null, List.of("127.0.0.1"), d.request(), d.pagination(), d.items(), d.fields(), detail,
					d.filter(), d.limits(), d.documents());
		}

		RawCall restore(RawCall call) {
			Map<pe.gob.munlima.convoca.call.RawField, List<String>> fields = new LinkedHashMap<>();
			call.fields().forEach((field, values) -> fields.put(field, values.stream().map(this::real).toList()));
			return new RawCall(real(call.externalId()), call.title(), real(call.link()), real(call.summaryHtml()),
					call.publishedAt(), fields);
		}

		private String local(String text) {
			return replace(text, this.toLocal);
		}

		private String real(String text) {
			return replace(text, this.toReal);
		}

		private static String replace(String text, Map<String, String> map) {
			if (text == null) {
				return null;
			}
			String out = text;
			for (Map.Entry<String, String> entry : map.entrySet()) {
				out = out.replace(entry.getKey(), entry.getValue());
			}
			return out;
		}

		private void answer(HttpExchange exchange, List<Served> serve, Path fixtures) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
			for (Served served : serve) {
				if (served.path().equals(exchange.getRequestURI().getPath())
						&& (served.query() == null || query.contains(served.query()))
						&& (served.body() == null || body.contains(served.body()))) {
					byte[] page = local(Files.readString(fixtures.resolve(served.file()), StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8);
					if (Boolean.TRUE.equals(served.zip())) {
						page = zip(served.file(), page);
					}
					exchange.getResponseHeaders()
						.add("Content-Type", served.type() != null ? served.type() : type(served));
					exchange.sendResponseHeaders(200, page.length);
					exchange.getResponseBody().write(page);
					exchange.close();
					return;
				}
			}
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		}

		private static String type(Served served) {
			String file = served.file().toLowerCase(Locale.ROOT);
			if (Boolean.TRUE.equals(served.zip())) {
				return "application/zip";
			}
			if (file.endsWith(".json")) {
				return "application/json; charset=utf-8";
			}
			if (file.endsWith(".xml")) {
				return "application/xml; charset=utf-8";
			}
			return file.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
		}

		private static byte[] zip(String name, byte[] content) {
			try {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				try (ZipOutputStream zip = new ZipOutputStream(out)) {
					zip.putNextEntry(new ZipEntry(name));
					zip.write(content);
					zip.closeEntry();
				}
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			this.servers.values().forEach(server -> server.stop(0));
		}

	}

	/** Fixtures are always read in full. */
	static final class NoMemory implements FetchStates {

		@Override
		public Optional<FetchState> find(String url) {
			return Optional.empty();
		}

		@Override
		public void save(String url, FetchState state) {
		}

	}

}
