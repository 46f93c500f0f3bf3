package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.iati.IatiImport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Crawl runs end to end, with the real database and the API: a paged HTML source with
 * details stores its calls and records pages, counts and the errors of single items; a
 * JSON API source is tested without storing; and a run that crashes half-way keeps every
 * call it had stored, its record tells how far it got, and the next run marks it
 * INTERRUPTED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrawlIntegrationTests {

	static final Path WORK;

	static final HttpServer FUNDER;

	static final Map<String, String> PAGES = new ConcurrentHashMap<>();

	static {
		try {
			WORK = TestWorkspace.create("convoca-crawl-it");
			FUNDER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FUNDER.createContext("/", exchange -> {
				String query = exchange.getRequestURI().getRawQuery();
				String path = exchange.getRequestURI().getPath();
				String body = PAGES.get(query == null ? path : path + "?" + query);
				if (exchange.getRequestMethod().equals("POST")) {
					String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
					body = PAGES.get(path + " " + sent.strip());
				}
				byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
				if (body != null) {
					exchange.getResponseBody().write(bytes);
				}
				exchange.close();
			});
			FUNDER.start();
			String base = "http://127.0.0.1:" + FUNDER.getAddress().getPort();
			Path crawlers = WORK.resolve("crawlers");
			Files.writeString(crawlers.resolve("fondo-paginas.yaml"), """
					id: fondo-paginas
					funder: Fondo municipal de prueba
					kind: html
					url: BASE/convocatorias?pagina=${page}
					pagination: {start: 1, size: 2, maxPages: 5}
					items: div.convocatoria
					fields:
					  title: h3 a
					  link: h3 a@href
					detail:
					  fields:
					    summary: {from: div.texto, markup: true}
					    deadline: {from: div.texto p, all: true, pattern: 'hasta el (\\d+ de \\w+ de \\d{4})'}
					language: es
					schedule: {cron: "0 0 6 * * ?"}
					checked: test fixture of CrawlIntegrationTests
					""".replace("BASE", base));
			Files.writeString(crawlers.resolve("api-prueba.yaml"), """
					id: api-prueba
					funder: API de prueba
					kind: json-api
					url: BASE/api/search
					request: {method: POST, body: '{"offset": ${offset}}'}
					pagination: {start: 0, size: 2, total: total}
					items: hits[*]
					fields:
					  id: id
					  title: title
					  deadline: closes
					  applicantTypes: "eligible[*]"
					schedule: {cron: "0 0 6 * * ?"}
					checked: test fixture of CrawlIntegrationTests
					""".replace("BASE", base));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.crawl.allow-private-addresses", () -> "true");
		registry.add("convoca.crawl.read-timeout", () -> "2s");
		// Imports of more than 5 items run in the background, 2 items per batch.
		registry.add("convoca.crawl.import.async-threshold", () -> "5");
		registry.add("convoca.crawl.import.batch-size", () -> "2");
	}

	/**
	 * Holds the import job after it stored a call whose title says "retener", until a
	 * test lets it go: what the job shows half-way can then be read without racing it.
	 */
	static volatile CountDownLatch holdImport;

	@TestConfiguration
	static class ImportHold {

		@Bean
		ImportHoldListener importHoldListener(Calls calls) {
			return new ImportHoldListener(calls);
		}

	}

	static class ImportHoldListener {

		private final Calls calls;

		ImportHoldListener(Calls calls) {
			this.calls = calls;
		}

		@TransactionalEventListener
		void on(CallStored event) throws InterruptedException {
			CountDownLatch hold = holdImport;
			if (hold != null
					&& this.calls.find(event.callId()).map(call -> call.title().contains("retener")).orElse(false)) {
				hold.await(60, TimeUnit.SECONDS);
			}
		}

	}

	@AfterAll
	static void stopFunder() {
		FUNDER.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	SourceCatalog catalog;

	@Autowired
	CallIntake intake;

	@Autowired
	CrawlRuns runs;

	@Autowired
	Clock clock;

	@Autowired
	Extractors extractors;

	@Autowired
	IatiImport iati;

	@Autowired
	CrawlProperties crawlProperties;

	@Autowired
	FetchStates states;

	@Autowired
	InterruptedRuns interruptedRuns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPagedSourceWithDetailsIsStoredAndItsRunSaysWhatHappened() {
		servePages("pag", 3);
		PAGES.remove("/pag/3");
		// Calls an earlier run of this source stored (another test's pages) are not in
		// this
		// complete listing: the run closes them.
		long listedBefore = api().get("/api/calls/search?source=fondo-paginas&status=open&size=1")
			.get("total")
			.asLong();

		JsonNode run = api().post("/api/admin/sources/fondo-paginas/run");

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("listingComplete").asBoolean()).isTrue();
		assertThat(run.get("pagesFetched").asInt()).as("2 listing pages + 2 details read (one is gone)").isEqualTo(4);
		assertThat(run.get("itemsFound").asInt()).isEqualTo(3);
		assertThat(run.get("callsNew").asInt()).as("the item whose detail is gone is not stored").isEqualTo(2);
		assertThat(run.get("callsClosed").asInt()).isEqualTo((int) listedBefore);
		assertThat(run.get("errorCount").asInt()).isEqualTo(1);
		assertThat(run.get("errors").get(0).get("message").asString()).contains("respondió HTTP 404");
		JsonNode listed = api().get("/api/sources/fondo-paginas/runs").get(0);
		assertThat(listed.get("errors").get(0).get("location").asString()).endsWith("/pag/3");
		assertThat(listed.get("pagesFetched").asInt()).isEqualTo(4);
		String detail = "http://127.0.0.1:" + FUNDER.getAddress().getPort() + "/pag/1";
		assertThat(this.states.reading(detail)).as("what a detail page said is kept for the next run")
			.hasValueSatisfying(reading -> assertThat(reading.get("deadline")).containsExactly("15 de marzo de 2099"));
	}

	@Test
	void aJsonApiSourceIsTestedWithoutStoringAndShowsTheRawFields() {
		PAGES.put("/api/search {\"offset\": 0}",
				"""
						{"total": 3, "hits": [
						  {"id": "A-1", "title": "Fondo para gobiernos locales", "closes": "2099-03-15", "eligible": ["municipalidades", "ONG"]},
						  {"id": "A-2", "title": "Fondo de cultura", "closes": "2099-04-30", "eligible": []}]}
						""");
		PAGES.put("/api/search {\"offset\": 2}", """
				{"total": 3, "hits": [{"id": "A-3", "title": "Fondo de agua", "closes": "2099-05-31"}]}
				""");

		JsonNode result = api().post("/api/admin/sources/api-prueba/test");

		assertThat(result.get("pagesFetched").asInt()).isEqualTo(2);
		assertThat(result.get("itemsFound").asInt()).isEqualTo(3);
		assertThat(result.get("listingComplete").asBoolean()).isTrue();
		JsonNode first = result.get("calls").get(0);
		assertThat(first.get("externalId").asString()).isEqualTo("A-1");
		assertThat(first.get("raw").get("deadline").get(0).asString()).isEqualTo("2099-03-15");
		assertThat(first.get("raw").get("applicantTypes").get(1).asString()).isEqualTo("ONG");
		assertThat(first.get("stored").get("title").asString()).isEqualTo("Fondo para gobiernos locales");
		assertThat(api().get("/api/sources/api-prueba/runs")).isEmpty();
	}

	@Test
	void aRunThatCrashesHalfWayKeepsTheCallsAlreadyStored() {
		servePages("caida", 6);
		SourceDefinition source = this.catalog.find("fondo-paginas").orElseThrow();
		// The process "dies" when the third listing page is asked for: nothing after it
		// runs, the run's record is not touched again. (An exhausted heap is no such
		// death:
		// the run records it and fails, see CrawlServiceTests.)
		Fetcher dying = new Fetcher(this.crawlProperties, this.states, this.clock) {
			@Override
			Fetched fetch(FetchRequest request, Deadline run) {
				if (String.valueOf(request.uri().getQuery()).contains("pagina=3")) {
					throw new SimulatedDeath();
				}
				return super.fetch(request, run);
			}
		};
		CrawlService crashing = new CrawlService(this.catalog, new SourceCrawler(dying, this.extractors, this.clock),
				this.intake, this.runs, this.clock, this.extractors, this.iati);
		PAGES.put("/convocatorias?pagina=1", listing("caida", 1, 2));
		PAGES.put("/convocatorias?pagina=2", listing("caida", 3, 2));
		PAGES.put("/convocatorias?pagina=3", listing("caida", 5, 2));

		assertThatThrownBy(() -> crashing.run(source.id())).isInstanceOf(SimulatedDeath.class);

		CrawlRun left = this.runs.findBySourceIdAndStatus(source.id(), CrawlRun.RUNNING).get(0);
		RunReport halfWay = left.report();
		assertThat(halfWay.callsNew()).as("pages 1 and 2 were stored before the crash").isEqualTo(4);
		assertThat(halfWay.pagesFetched()).isEqualTo(6);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(api().get("/api/calls?q=caida&size=50").get("total").asLong()).isEqualTo(4));

		PAGES.put("/convocatorias?pagina=3", listing("caida", 5, 1));
		JsonNode next = api().post("/api/admin/sources/fondo-paginas/run");
		assertThat(next.get("status").asString()).isIn("SUCCEEDED", "PARTIAL");
		assertThat(this.runs.findById(halfWay.id()).orElseThrow().report().status()).isEqualTo("INTERRUPTED");
		assertThat(api().get("/api/calls?q=caida&size=50").get("total").asLong()).isEqualTo(5);
	}

	/** Listing pages of the fondo-paginas source, each call with a detail page. */
	private static void servePages(String prefix, int calls) {
		for (int i = 1; i <= calls; i++) {
			PAGES.put("/" + prefix + "/" + i, """
					<html><body><div class="texto"><p>Convocatoria PREFIX N para municipalidades.</p>
					<p>Postulaciones hasta el 15 de marzo de 2099.</p></div></body></html>
					""".replace("PREFIX", prefix).replace("N", String.valueOf(i)));
		}
		PAGES.put("/convocatorias?pagina=1", listing(prefix, 1, Math.min(2, calls)));
		PAGES.put("/convocatorias?pagina=2", listing(prefix, 3, Math.max(0, Math.min(2, calls - 2))));
	}

	private static String listing(String prefix, int first, int count) {
		StringBuilder html = new StringBuilder("<html><body>");
		for (int i = first; i < first + count; i++) {
			html.append("<div class=\"convocatoria\"><h3><a href=\"/").append(prefix).append('/').append(i);
			html.append("\">Convocatoria ").append(prefix).append(' ').append(i).append("</a></h3></div>");
		}
		return html.append("</body></html>").toString();
	}

	@Test
	void aLargeImportRunsInTheBackgroundWithProgressAndKeepsEveryGoodItem() throws Exception {
		// 8 items (the threshold is 5): the third is held after it is stored, the last is
		// one the database refuses.
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 7; i++) {
			items.append(item("Fondo de importación grande " + i + (i == 3 ? " retener" : ""), "grande-" + i));
		}
		// An identifier too long for the database's index (random, so it does not
		// compress).
		StringBuilder huge = new StringBuilder();
		java.util.Random random = new java.util.Random(14);
		for (int i = 0; i < 12_000; i++) {
			huge.append((char) ('a' + random.nextInt(26)));
		}
		items.append(item("Fondo con identificador enorme", huge.toString()));
		holdImport = new CountDownLatch(1);
		HttpResponse<String> accepted;
		JsonNode halfWay;
		String location;
		try {
			accepted = importFeed("importacion-grande", rss(items));

			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			location = accepted.headers().firstValue("Location").orElseThrow();
			assertThat(location).matches(".*/api/admin/calls/import/\\d+");
			JsonNode job = api().json(accepted);
			assertThat(job.get("state").asString()).isEqualTo("RUNNING");
			assertThat(job.get("total").asInt()).isEqualTo(8);
			String path = location.substring(location.indexOf("/api/"));
			// The first batch (2 items) is recorded; the job waits inside the second.
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> api().get(path).get("processed").asInt() == 2);
			halfWay = api().get(path);
		}
		finally {
			holdImport.countDown();
		}
		assertThat(halfWay.get("state").asString()).isEqualTo("RUNNING");
		assertThat(halfWay.get("total").asInt()).isEqualTo(8);
		assertThat(halfWay.get("created").asInt()).isEqualTo(2);

		String path = location.substring(location.indexOf("/api/"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> !"RUNNING".equals(api().get(path).get("state").asString()));
		JsonNode done = api().get(path);
		assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(done.get("processed").asInt()).isEqualTo(8);
		assertThat(done.get("created").asInt()).isEqualTo(7);
		assertThat(done.get("errorCount").asInt()).isEqualTo(1);
		assertThat(done.get("errors").get(0).get("message").asString()).contains("no se guardó")
			.doesNotContainIgnoringCase("insert");
		assertThat(done.get("finishedAt").isNull()).isFalse();
		assertThat(api().get("/api/calls/search?source=importacion-grande&size=1").get("total").asInt())
			.as("every good item stored, the bad one lost nothing")
			.isEqualTo(7);

		// A small file is still answered when stored.
		HttpResponse<String> small = importFeed("importacion-chica",
				rss(item("Fondo chico 1", "chico-1") + item("Fondo chico 2", "chico-2")));
		assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
		assertThat(api().json(small).get("created").asInt()).isEqualTo(2);
		assertThat(api().fetch("/api/admin/calls/import/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void anImportJobOfADeadProcessIsInterruptedAtStartUpAndSaysHowFarItGot() throws Exception {
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		String dead = new RunOwner(RunOwner.current().host(), finished.pid(), 1).toString();
		long id = this.jdbc.sql("""
				INSERT INTO crawl_run (source_id, started_at, status, owner, kind, items_found, items_processed,
				                       calls_new)
				VALUES ('importacion-cortada', now(), 'RUNNING', ?, 'IMPORT', 4000, 1200, 1200) RETURNING id""")
			.param(dead)
			.query(Long.class)
			.single();

		this.interruptedRuns.mark();

		JsonNode job = api().get("/api/admin/calls/import/" + id);
		assertThat(job.get("state").asString()).isEqualTo("INTERRUPTED");
		assertThat(job.get("processed").asInt()).isEqualTo(1200);
		assertThat(job.get("total").asInt()).isEqualTo(4000);
		assertThat(job.get("finishedAt").isNull()).isFalse();
	}

	private HttpResponse<String> importFeed(String source, String feed) {
		String boundary = "convoca-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + source
				+ ".xml\"\r\nContent-Type: application/rss+xml\r\n\r\n" + feed + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"funder\"\r\n\r\nFondo de prueba\r\n--" + boundary
				+ "--\r\n";
		Api api = api();
		return api.send(HttpRequest.newBuilder(api.uri("/api/admin/calls/import?source=" + source))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	private static String rss(CharSequence items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Correo</title><link>http://127.0.0.1/</link><description>d</description>
				"""
				+ items + "</channel></rss>\n";
	}

	private static String item(String title, String guid) {
		return "<item><title>" + title + "</title><link>http://127.0.0.1/"
				+ guid.substring(0, Math.min(40, guid.length())) + "</link><guid>" + guid
				+ "</guid><description>Pueden postular municipalidades del Perú.</description></item>\n";
	}

	private Api api() {
		return new Api(this.port);
	}

	/** The process ending under a run, as kill -9 would: nothing catches it. */
	static final class SimulatedDeath extends Error {

		private static final long serialVersionUID = 1L;

		SimulatedDeath() {
			super("caída simulada");
		}

	}

}
