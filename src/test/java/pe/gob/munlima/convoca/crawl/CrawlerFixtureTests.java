package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.CallPreview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every source definition of crawlers/ against pages we wrote in its shape
 * (crawlers/fixtures/&lt;id&gt;/): the page is served on loopback at the definition's own
 * path, fetched by the real fetcher, read and normalised, and what comes out is compared
 * with the fixture's expected.yaml. A definition without fixtures fails, so none goes
 * untested.
 */
class CrawlerFixtureTests {

	static Collection<SourceDefinition> definitions() {
		return new SourceCatalog(SourceCatalogTests.properties(Path.of("crawlers"))).all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("definitions")
	@SuppressWarnings("unchecked")
	void extractsWhatTheFixtureExpects(SourceDefinition source) throws IOException {
		Path fixtures = Path.of("crawlers", "fixtures", source.id());
		assertThat(fixtures.resolve("feed.xml")).as("fixture page of %s", source.id()).exists();
		Map<String, Object> expected = YAMLMapper.builder()
			.build()
			.readValue(fixtures.resolve("expected.yaml").toFile(), Map.class);
		byte[] page = Files.readAllBytes(fixtures.resolve("feed.xml"));
		String path = URI.create(source.url()).getRawPath();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext(path, exchange -> {
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.start();
		try {
			String local = "http://127.0.0.1:" + server.getAddress().getPort() + path;
			Fetcher fetcher = new Fetcher(SourceCatalogTests.properties(Path.of("crawlers")), new NoMemory(),
					java.time.Clock.systemUTC());
			List<CallPreview> calls = CallPreview.of(Path.of("index", "vocabulary.yaml"), CrawlService.info(source),
					FeedReader.read(fetcher.fetch(local, Duration.ZERO, false).body(), local));

			assertThat(calls).hasSize((Integer) expected.get("items"));
			for (Map<String, Object> want : (List<Map<String, Object>>) expected.get("calls")) {
				CallPreview call = calls.stream()
					.filter(c -> want.get("externalId").equals(c.externalId()))
					.findFirst()
					.orElseThrow();
				assertThat(call.error()).isNull();
				assertThat(call.title()).isEqualTo(want.get("title"));
				assertThat(call.sourceUrl()).isEqualTo(want.get("sourceUrl"));
				assertThat(call.deadline().atZone(ZoneId.of("America/Lima")).toLocalDate())
					.isEqualTo(LocalDate.parse(String.valueOf(want.get("deadline"))));
				assertThat(call.applicantTypes())
					.containsExactlyInAnyOrderElementsOf((List<String>) want.get("applicantTypes"));
				assertThat(call.eligibleGeographies())
					.containsExactlyInAnyOrderElementsOf((List<String>) want.get("eligibleGeographies"));
				if (want.containsKey("amountMax")) {
					assertThat(call.amountMax().intValueExact()).isEqualTo(want.get("amountMax"));
					assertThat(call.currency()).isEqualTo(want.get("currency"));
				}
			}
		}
		finally {
			server.stop(0);
		}
	}

	/** Fixtures are always read in full. */
	private static final class NoMemory implements FetchStates {

		@Override
		public Optional<FetchState> find(String url) {
			return Optional.empty();
		}

		@Override
		public void save(String url, FetchState state) {
		}

	}

}
