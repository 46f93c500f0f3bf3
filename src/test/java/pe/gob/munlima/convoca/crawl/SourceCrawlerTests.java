package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.RawField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crawler over a real HTTP server on loopback serving pages written here: pagination
 * and its cap, details that fail one by one, robots.txt, timeouts, retries, 304, XXE, zip
 * caps, hosts the definition does not name, private addresses.
 */
class SourceCrawlerTests {

	private HttpServer server;

	private String base;

	private final Map<String, String> pages = new ConcurrentHashMap<>();

	private final List<String> requested = new CopyOnWriteArrayList<>();

	private final AtomicInteger flaky = new AtomicInteger();

	private final Map<String, FetchStates.FetchState> remembered = new ConcurrentHashMap<>();

	private final Map<String, Map<String, List<String>>> readings = new ConcurrentHashMap<>();

	/** Requests answered 304 Not Modified. */
	private final List<String> notModified = new CopyOnWriteArrayList<>();

	private volatile byte[] zip;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		// Several threads: a slow page must not hold up the others.
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.pages.put("/robots.txt", "User-agent: *\nDisallow: /privado/\n");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		String key = query == null ? path : path + "?" + query;
		this.requested.add(key);
		if (path.equals("/lento.html")) {
			sleep(2500);
		}
		if (path.equals("/inestable.html") && this.flaky.incrementAndGet() == 1) {
			respond(exchange, 503, "ocupado".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (path.equals("/extracto.zip") && this.zip != null) {
			respond(exchange, 200, this.zip);
			return;
		}
		if (path.equals("/etag.xml")) {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				respond(exchange, 304, new byte[0]);
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
		}
		String body = this.pages.get(key);
		if (body == null) {
			body = this.pages.get(path);
		}
		if (path.startsWith("/detalle/") && body != null) {
			// Detail pages send an ETag of their content, as most CMSs do.
			String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				this.notModified.add(key);
				respond(exchange, 304, new byte[0]);
				return;
			}
			exchange.getResponseHeaders().add("ETag", etag);
		}
		respond(exchange, body == null ? 404 : 200, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void listingPagesByNumberUntilAShortPageWithEveryDetailAndItsFields() {
		this.pages.put("/lista?p=1", listing(1, 2, "/convocatoria/"));
		this.pages.put("/lista?p=2", listing(3, 1, "/convocatoria/"));
		for (int i = 1; i <= 3; i++) {
			this.pages.put("/convocatoria/" + i, detail(i));
		}
		SourceDefinition source = html("url: BASE/lista?p=${page}\npagination: {start: 1, size: 2, maxPages: 5}\n");

		Crawl crawl = crawl(source);

		assertThat(crawl.calls()).extracting(RawCall::title)
			.containsExactly("Convocatoria 1", "Convocatoria 2", "Convocatoria 3");
		assertThat(crawl.calls().get(0).values(RawField.DEADLINE)).containsExactly("15 de marzo de 2027");
		assertThat(crawl.calls().get(0).values(RawField.AMOUNT)).containsExactly("EUR 100.000");
		assertThat(crawl.calls().get(0).link()).isEqualTo(this.base + "/convocatoria/1");
		assertThat(crawl.progress().pagesFetched()).isEqualTo(5);
		assertThat(crawl.progress().complete()).isTrue();
		assertThat(this.requested).doesNotContain("/lista?p=3");
	}

	@Test
	void aScheduledRunReusesWhatUnchangedDetailPagesSaidAndRereadsTheOneThatChanged() {
		this.pages.put("/lista", listing(1, 3, "/detalle/"));
		for (int i = 1; i <= 3; i++) {
			this.pages.put("/detalle/" + i, detail(i));
		}
		SourceDefinition source = html("url: BASE/lista\n");
		Crawl first = crawl(source, true);
		assertThat(first.progress().detailsUnchanged()).isZero();
		assertThat(this.notModified).isEmpty();

		this.pages.put("/detalle/2", detail(2).replace("15 de marzo de 2027", "30 de abril de 2027"));
		Crawl second = crawl(source, true);

		assertThat(this.notModified).containsExactlyInAnyOrder("/detalle/1", "/detalle/3");
		assertThat(second.progress().detailsUnchanged()).isEqualTo(2);
		assertThat(second.calls()).extracting(call -> call.values(RawField.DEADLINE).get(0))
			.containsExactly("15 de marzo de 2027", "30 de abril de 2027", "15 de marzo de 2027");
		assertThat(second.calls()).extracting(call -> call.values(RawField.AMOUNT))
			.containsOnly(List.of("EUR 100.000"));

		// Testing a definition always reads every page in full.
		this.notModified.clear();
		Crawl test = crawl(source, false);
		assertThat(this.notModified).isEmpty();
		assertThat(test.calls()).extracting(call -> call.values(RawField.DEADLINE).get(0))
			.containsExactly("15 de marzo de 2027", "30 de abril de 2027", "15 de marzo de 2027");
	}

	@Test
	void anUnchangedDetailWhoseReadingWasNotKeptIsReadAgainInFull() {
		this.pages.put("/lista", listing(1, 1, "/detalle/"));
		this.pages.put("/detalle/1", detail(1));
		SourceDefinition source = html("url: BASE/lista\n");
		crawl(source, true);
		this.readings.clear();

		Crawl again = crawl(source, true);

		assertThat(this.notModified).containsExactly("/detalle/1");
		assertThat(again.progress().detailsUnchanged()).isZero();
		assertThat(again.calls().get(0).values(RawField.DEADLINE)).containsExactly("15 de marzo de 2027");
	}

	@Test
	void thePageCapStopsTheListingAndSaysItWasNotReadToItsEnd() {
		for (int page = 1; page <= 4; page++) {
			this.pages.put("/lista?p=" + page, listing(page * 10, 2, "/convocatoria/"));
		}
		SourceDefinition source = html("url: BASE/lista?p=${page}\npagination: {start: 1, size: 2, maxPages: 2}\n",
				false);

		Crawl crawl = crawl(source);

		assertThat(crawl.calls()).hasSize(4);
		assertThat(crawl.progress().complete()).isFalse();
		assertThat(crawl.progress().errors()).extracting(RunError::message)
			.containsExactly("se alcanzó el tope de 2 páginas (pagination.maxPages); el resto del listado no se leyó");
	}

	@Test
	void aSiteThatIgnoresThePageNumberIsReadOnce() {
		this.pages.put("/lista", listing(1, 2, "/convocatoria/"));
		SourceDefinition source = html("url: BASE/lista?p=${page}\npagination: {start: 1, maxPages: 5}\n", false);

		Crawl crawl = crawl(source);

		assertThat(crawl.calls()).hasSize(2);
		assertThat(crawl.progress().pagesFetched()).isEqualTo(2);
		assertThat(crawl.progress().complete()).isTrue();
	}

	@Test
	void aDetailThatFailsIsAnErrorOfItsItemWhileTheOthersAreStored() {
		this.pages.put("/lista", """
				<div class="item"><h3><a href="/convocatoria/1">Convocatoria 1</a></h3></div>
				<div class="item"><h3><a href="/privado/2">Convocatoria privada</a></h3></div>
				<div class="item"><h3><a href="/lento.html">Convocatoria lenta</a></h3></div>
				<div class="item"><h3><a href="/no-existe">Convocatoria borrada</a></h3></div>
				""");
		this.pages.put("/convocatoria/1", detail(1));
		this.pages.put("/lento.html", detail(9));

		Crawl crawl = crawl(html("url: BASE/lista\n"));

		assertThat(crawl.calls()).extracting(RawCall::title).containsExactly("Convocatoria 1");
		assertThat(crawl.progress().errors()).extracting(RunError::message)
			.anySatisfy(m -> assertThat(m).contains("el robots.txt no permite leerla"))
			.anySatisfy(m -> assertThat(m).contains("sin respuesta en 1000 ms"))
			.anySatisfy(m -> assertThat(m).contains("respondió HTTP 404"));
		assertThat(crawl.progress().complete()).as("the listing itself was read").isTrue();
	}

	@Test
	void aLaterPageThatFailsKeepsWhatWasReadAndMarksTheListingIncomplete() {
		this.pages.put("/lista?p=1", listing(1, 2, "/convocatoria/"));
		SourceDefinition source = html("url: BASE/lista?p=${page}\npagination: {start: 1, size: 2, maxPages: 5}\n",
				false);

		List<List<RawCall>> batches = new ArrayList<>();
		CrawlProgress progress = new CrawlProgress();
		crawler(true).crawl(source, false, progress, batches::add);

		assertThat(batches).hasSize(1);
		assertThat(batches.get(0)).hasSize(2);
		assertThat(progress.complete()).isFalse();
		assertThat(progress.errors()).extracting(RunError::message)
			.singleElement()
			.asString()
			.startsWith("página 2: ")
			.contains("HTTP 404");
	}

	@Test
	void aListingThatCannotBeReadFailsTheCrawl() {
		assertThatThrownBy(() -> crawl(html("url: BASE/no-hay\n"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("respondió HTTP 404");
	}

	@Test
	void aServerErrorIsRetriedAndTheNextAnswerIsUsed() {
		this.pages.put("/inestable.html", listing(1, 1, "/convocatoria/"));
		this.pages.put("/convocatoria/1", detail(1));

		Crawl crawl = crawl(html("url: BASE/inestable.html\n"));

		assertThat(crawl.calls()).hasSize(1);
		assertThat(this.flaky.get()).isEqualTo(2);
	}

	@Test
	void anUnchangedFeedAnswers304AndCostsNothing() {
		this.pages.put("/etag.xml", feed("<item><title>Fondo</title><link>http://x/1</link><guid>1</guid></item>"));
		SourceDefinition source = definition("""
				id: feed
				funder: F
				kind: rss
				url: BASE/etag.xml
				schedule: {cron: "0 0 6 * * ?"}
				""");
		SourceCrawler crawler = crawler(true);
		CrawlProgress first = new CrawlProgress();
		crawler.crawl(source, true, first, calls -> {
		});
		CrawlProgress second = new CrawlProgress();
		List<RawCall> again = new ArrayList<>();
		crawler.crawl(source, true, second, again::addAll);

		assertThat(first.itemsFound()).isEqualTo(1);
		assertThat(second.unchangedBy()).isEqualTo("304");
		assertThat(again).isEmpty();
		assertThat(second.complete()).isFalse();
	}

	@Test
	void aMalformedFeedIsAClearError() {
		this.pages.put("/roto.xml", "<rss version=\"2.0\"><channel><item><title>Sin cerrar</title></channel>");
		SourceDefinition source = definition("""
				id: feed
				funder: F
				kind: rss
				url: BASE/roto.xml
				schedule: {cron: "0 0 6 * * ?"}
				""");
		assertThatThrownBy(() -> crawl(source)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("no es un feed RSS/Atom legible");
	}

	@Test
	void anXxeAttemptIsRefusedInXmlAndInFeeds() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE Grants [<!ENTITY secreto SYSTEM "file:///etc/passwd">]>
				<Grants><Opportunity><Title>&secreto;</Title></Opportunity></Grants>
				""";
		this.pages.put("/xxe.xml", xxe);
		SourceDefinition xml = definition("""
				id: xml
				funder: F
				kind: xml
				url: BASE/xxe.xml
				items: Opportunity
				fields: {title: Title}
				schedule: {cron: "0 0 6 * * ?"}
				""");
		assertThatThrownBy(() -> crawl(xml)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("el XML declara un DOCTYPE; se rechaza");

		this.pages.put("/xxe-feed.xml", xxe.replace("Grants", "rss"));
		SourceDefinition rss = definition("""
				id: feed
				funder: F
				kind: rss
				url: BASE/xxe-feed.xml
				schedule: {cron: "0 0 6 * * ?"}
				""");
		assertThatThrownBy(() -> crawl(rss)).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("declara un DOCTYPE, que se rechaza");
	}

	@Test
	void aZippedExtractIsReadAsAStreamAndItsDecompressedSizeIsCapped() throws IOException {
		StringBuilder xml = new StringBuilder("<Grants>");
		for (int i = 0; i < 2000; i++) {
			xml.append("<Opportunity><Id>").append(i).append("</Id><Title>Oportunidad ").append(i);
			xml.append("</Title><Description>").append("x".repeat(600)).append("</Description></Opportunity>");
		}
		this.zip = zip(xml.append("</Grants>").toString());
		String definition = """
				id: xml
				funder: F
				kind: xml
				url: BASE/extracto.zip
				items: Opportunity
				fields: {id: Id, title: Title}
				schedule: {cron: "0 0 6 * * ?"}
				""";

		assertThat(crawl(definition(definition)).calls()).hasSize(2000);
		assertThatThrownBy(() -> crawl(definition(definition + "limits: {maxUncompressedMegabytes: 1}\n")))
			.isInstanceOf(ExtractionException.class)
			.hasMessageContaining("el contenido descomprimido supera 1048576 bytes; se rechaza");
	}

	/**
	 * Issue 14: an XML zip bomb filled the heap. A record with an endless text, or with
	 * millions of elements, inside a zip far below its decompression cap, is refused with
	 * a clear error while memory stays bounded.
	 */
	@Test
	void anXmlZipBombIsRefusedWithAClearErrorBeforeItFillsTheHeap() throws IOException {
		String definition = """
				id: xml
				funder: F
				kind: xml
				url: BASE/extracto.zip
				items: Opportunity
				fields: {id: Id, title: Title}
				schedule: {cron: "0 0 6 * * ?"}
				""";
		byte[] text = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
		this.zip = zipBomb("<Grants><Opportunity><Id>1</Id><Title>", text, 200, "</Title></Opportunity></Grants>");
		assertThat(this.zip.length).as("a zip of a few kilobytes").isLessThan(64 * 1024);
		long start = System.nanoTime();
		assertThatThrownBy(() -> crawl(definition(definition))).isInstanceOf(ExtractionException.class)
			.hasMessageMatching(".*(caracteres de texto|más de 8388608 bytes); se rechaza");
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("stopped early").isLessThan(10);

		byte[] elements = "<x/>".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
		this.zip = zipBomb("<Grants><Opportunity><Id>1</Id><Title>t</Title>", elements, 10, "</Opportunity></Grants>");
		assertThatThrownBy(() -> crawl(definition(definition))).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("un registro <Opportunity> tiene más de 10000 elementos; se rechaza");

		this.zip = zipBomb("<Grants><!--", text, 200, "--></Grants>");
		assertThatThrownBy(() -> crawl(definition(definition))).isInstanceOf(ExtractionException.class)
			.hasMessageContaining("el XML tiene un elemento, texto o comentario de más de 8388608 bytes; se rechaza");
	}

	/**
	 * A run that reaches its deadline (here 1.5 s, with a second between requests) stops
	 * asking, keeps the calls it read and says why; the listing is incomplete, so nothing
	 * is closed as gone.
	 */
	@Test
	void aRunStopsAtItsDeadlineKeepsWhatItReadAndSaysWhy() {
		this.pages.put("/lista", listing(1, 3, "/convocatoria/"));
		for (int i = 1; i <= 3; i++) {
			this.pages.put("/convocatoria/" + i, detail(i));
		}
		SourceDefinition source = html("url: BASE/lista\npoliteness: {delaySeconds: 1}\n");
		CrawlProgress progress = new CrawlProgress();
		List<RawCall> calls = new ArrayList<>();
		long start = System.nanoTime();

		crawler(true, Duration.ofMillis(1500)).crawl(source, false, progress, calls::addAll);

		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2500);
		assertThat(calls).extracting(RawCall::externalId).containsExactly(this.base + "/convocatoria/1");
		assertThat(progress.complete()).isFalse();
		assertThat(progress.errors()).extracting(RunError::message)
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("se alcanzó el plazo de la ejecución (1 s); no se leyó más");
		assertThat(this.requested).doesNotContain("/convocatoria/2", "/convocatoria/3");
	}

	@Test
	void aNextPageOnAHostTheDefinitionDoesNotNameIsNotFollowed() {
		this.pages.put("/lista", """
				<div class="item"><h3><a href="/convocatoria/1">Convocatoria 1</a></h3></div>
				<a class="siguiente" href="http://localhost:1/lista?p=2">Siguiente</a>
				""");
		this.pages.put("/convocatoria/1", detail(1));
		SourceDefinition source = html("url: BASE/lista\npagination: {next: \"a.siguiente@href\"}\n");

		Crawl crawl = crawl(source);

		assertThat(crawl.calls()).hasSize(1);
		assertThat(crawl.progress().complete()).isFalse();
		assertThat(crawl.progress().errors()).extracting(RunError::message)
			.containsExactly("la página siguiente está en otro host que la definición no nombra; no se sigue");
	}

	@Test
	void aSourceAimedAtAPrivateAddressIsRefusedBeforeAnyRequest() {
		SourceDefinition source = definition("""
				id: interna
				funder: F
				kind: rss
				url: http://192.168.1.20/feed.xml
				schedule: {cron: "0 0 6 * * ?"}
				""");
		assertThatThrownBy(() -> crawler(false).crawl(source, false, new CrawlProgress(), calls -> {
		})).isInstanceOf(FetchException.class).hasMessageContaining("192.168.1.20 es una dirección privada");
	}

	private String listing(int first, int count, String detailPath) {
		StringBuilder html = new StringBuilder("<html><body>");
		for (int i = first; i < first + count; i++) {
			html.append("<div class=\"item\"><h3><a href=\"").append(detailPath).append(i).append("\">Convocatoria ");
			html.append(i).append("</a></h3></div>");
		}
		return html.append("</body></html>").toString();
	}

	private static String detail(int i) {
		return "<html><body><div class=\"texto\"><p>Convocatoria " + i
				+ ".</p><p>Plazo: hasta el 15 de marzo de 2027.</p><p>Monto: EUR 100.000 por proyecto.</p></div></body></html>";
	}

	private static String feed(String items) {
		return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://x</link>"
				+ "<description>d</description>" + items + "</channel></rss>";
	}

	private SourceDefinition html(String listing) {
		return html(listing, true);
	}

	private SourceDefinition html(String listing, boolean withDetail) {
		return definition("""
				id: prueba
				funder: Fondo de prueba
				kind: html
				LISTING
				items: div.item
				fields: {title: h3 a, link: h3 a@href}
				DETAIL
				schedule: {cron: "0 0 6 * * ?"}
				""".replace("LISTING", listing.strip()).replace("DETAIL", withDetail ? """
				detail:
				  fields:
				    deadline: {from: div.texto p, all: true, pattern: 'hasta el (\\d+ de \\w+ de \\d{4})'}
				    amount: {from: div.texto p, all: true, pattern: '(EUR [\\d.]+)'}
				""" : ""));
	}

	private SourceDefinition definition(String yaml) {
		SourceDefinition definition = YAMLMapper.builder()
			.build()
			.readValue(yaml.replace("BASE", this.base), SourceDefinition.class);
		String file = definition.id() + ".yaml";
		assertThat(new SourceValidator(new Extractors()).validate(file, definition)).isEmpty();
		return definition;
	}

	private Crawl crawl(SourceDefinition source) {
		return crawl(source, false);
	}

	/**
	 * @param scheduled a scheduled run (conditional requests) rather than a test
	 */
	private Crawl crawl(SourceDefinition source, boolean scheduled) {
		CrawlProgress progress = new CrawlProgress();
		List<RawCall> calls = new ArrayList<>();
		crawler(true).crawl(source, scheduled, progress, calls::addAll);
		return new Crawl(calls, progress);
	}

	private SourceCrawler crawler(boolean allowPrivate) {
		return crawler(allowPrivate, null);
	}

	private SourceCrawler crawler(boolean allowPrivate, Duration runDeadline) {
		CrawlProperties properties = new CrawlProperties(Path.of("crawlers"), "ConvocaBot/test", Duration.ofSeconds(2),
				Duration.ofMillis(1000), 5L * 1024 * 1024, allowPrivate, Duration.ZERO, Duration.ofMillis(10),
				Duration.ZERO, null, runDeadline);
		FetchStates states = new FetchStates() {
			@Override
			public Optional<FetchState> find(String url) {
				return Optional.ofNullable(SourceCrawlerTests.this.remembered.get(url));
			}

			@Override
			public void save(String url, FetchState state) {
				SourceCrawlerTests.this.remembered.put(url, state);
			}

			@Override
			public Optional<Map<String, List<String>>> reading(String url) {
				return Optional.ofNullable(SourceCrawlerTests.this.readings.get(url));
			}

			@Override
			public void save(String url, FetchState state, Map<String, List<String>> reading) {
				save(url, state);
				SourceCrawlerTests.this.readings.put(url, reading);
			}
		};
		return new SourceCrawler(new Fetcher(properties, states, Clock.systemUTC()), new Extractors(),
				Clock.systemUTC());
	}

	private static byte[] zip(String xml) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("GrantsDBExtract.xml"));
			zip.write(xml.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	/** A zip holding head, then {@code times} copies of {@code repeated}, then tail. */
	private static byte[] zipBomb(String head, byte[] repeated, int times, String tail) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("GrantsDBExtract.xml"));
			zip.write(head.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < times; i++) {
				zip.write(repeated);
			}
			zip.write(tail.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private static void sleep(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Crawl(List<RawCall> calls, CrawlProgress progress) {
	}

}
