package pe.gob.munlima.convoca;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Convoca nodes on one PostgreSQL, as the README's production section runs them: each
 * its own application context, index folder and rules folder, one database (started here,
 * as a production server would be, not by either node). What one node stores or activates
 * the other finds and judges with; a node that was stopped while calls were stored finds
 * them as soon as it is up again, without rebuilding its index; a digest asked for on
 * both at once is recorded once, and each recipient receives it once although one node
 * stops while its e-mails go out (one SMTP server, GreenMail, for both); a node that
 * stops half-way through a crawl loses no call, and none is stored twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(TwoNodesIntegrationTests.class);

	/** The demo's verdicts depend on "today": the same day as the other rule tests. */
	private static final String TODAY = "2026-11-24T15:00:00Z";

	private static EmbeddedPostgres postgres;

	private static Path workA;

	private static Path workB;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static GreenMail smtp;

	@BeforeAll
	static void startDatabaseAndNodes() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			smtp = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		}
		smtp.start();
		Path database = Files.createTempDirectory("convoca-nodes-db");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(database)
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "80")
			.start();
		workA = TestWorkspace.create("convoca-node-a");
		workB = TestWorkspace.create("convoca-node-b");
		// A loads the demo portfolio and calls; B is a plain production node.
		nodeA = start(workA, true);
		nodeB = start(workB, false);
	}

	@AfterAll
	static void stopNodesAndDatabase() throws IOException {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeB, nodeA }) {
			if (node != null) {
				node.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	@Order(1)
	void aCallImportedThroughOneNodeIsFoundThroughTheOtherWithinTwoSeconds() {
		Api a = api(nodeA);
		Api b = api(nodeB);
		assertThat(b.get("/api/calls/search?q=techos+verdes+mercados").get("total").asLong()).isZero();

		HttpResponse<String> imported = a.importFeed("techos.xml", "application/atom+xml",
				feed("techos", "Fondo de techos verdes para mercados municipales",
						"Financiamiento no reembolsable para techos verdes en mercados de gobiernos locales."),
				"Fundación Ejemplo", "correo-techos");
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		long stored = System.nanoTime();

		Awaitility.await()
			.atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(titles(b, "techos verdes mercados"))
				.contains("Fondo de techos verdes para mercados municipales"));
		long millis = (System.nanoTime() - stored) / 1_000_000;
		log.info("A call stored through node A was found through node B after {} ms", millis);
		assertThat(a.get("/api/calls/search?q=techos+verdes+mercados").get("total").asLong()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aRuleSetActivatedOnOneNodeJudgesOnTheOther() throws IOException {
		Api a = api(nodeA);
		Api b = api(nodeB);
		long movilidad = b.callId("[Demo] Fondo de Movilidad Urbana");
		long electric = b.projectId("P-10-VEHICULOS-ELECTRICOS");
		String eligibility = "/api/eligibility?call=" + movilidad + "&project=" + electric;
		assertThat(b.get(eligibility).get("verdict").asString()).isEqualTo("ELIGIBLE");

		// On A: a lead time of 150 days instead of 30 leaves too little time for the
		// call.
		String parameters = a.text("/api/admin/rules/parameters.yaml");
		assertThat(a.put("/api/admin/rules/parameters.yaml", parameters.replace("2026-11-24: 30", "2026-11-24: 150"))
			.statusCode()).isEqualTo(200);
		HttpResponse<String> activated = a.postEmpty("/api/admin/rules/activate");
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
		String version = a.get("/api/admin/rules").get("active").get("version").asString();
		long started = System.nanoTime();

		// B compiles and tests the set before it takes it: seconds, not milliseconds.
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(b.get(eligibility).get("verdict").asString()).isEqualTo("NEEDS_REVIEW"));
		log.info("A rule set activated on node A judged on node B after {} ms",
				(System.nanoTime() - started) / 1_000_000);
		JsonNode reasons = b.get(eligibility).get("reasons");
		assertThat(reasons.findValuesAsString("ruleId")).contains("deadline-too-close");
		assertThat(b.get("/api/admin/rules").get("active").get("version").asString()).isEqualTo(version);
		// B's own folder holds the set, so its folder check does not undo it.
		assertThat(Files.readString(workB.resolve("rules/parameters.yaml"), StandardCharsets.UTF_8))
			.contains("2026-11-24: 150");
		// Recorded once, by the node that activated it.
		assertThat(a.get("/api/admin/rules").get("history").findValuesAsString("version")).filteredOn(version::equals)
			.hasSize(1);
	}

	@Test
	@Order(3)
	void aNodeStoppedWhileCallsWereStoredCatchesUpAtStartWithoutARebuild() throws IOException {
		Api a = api(nodeA);
		JsonNode before = api(nodeB).get("/api/admin/index");
		String generation = before.get("generation").asString();
		nodeB.close();
		nodeB = null;

		for (int i = 1; i <= 3; i++) {
			HttpResponse<String> imported = a.importFeed("pozos-" + i + ".xml", "application/atom+xml",
					feed("pozos-" + i, "Programa de pozos de agua " + i,
							"Donación para pozos de agua potable en distritos de Lima, etapa " + i + "."),
					"Fundación Ejemplo", "correo-pozos");
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		}

		// And the rules go back to the shipped set while B is down.
		HttpResponse<String> rolledBack = a.postEmpty("/api/admin/rules/rollback");
		assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
		String active = a.get("/api/admin/rules").get("active").get("version").asString();

		nodeB = start(workB, false);
		Api b = api(nodeB);
		assertThat(b.get("/api/admin/rules").get("active").get("version").asString())
			.as("B's folder still held the set it had; it takes the one activated meanwhile")
			.isEqualTo(active);
		assertThat(Files.readString(workB.resolve("rules/parameters.yaml"), StandardCharsets.UTF_8))
			.doesNotContain("2026-11-24: 150");

		// No waiting: the node caught up before it started answering.
		assertThat(titles(b, "pozos de agua")).contains("Programa de pozos de agua 1", "Programa de pozos de agua 2",
				"Programa de pozos de agua 3");
		JsonNode after = b.get("/api/admin/index");
		assertThat(after.get("generation").asString()).as("the same index folder, not a new one").isEqualTo(generation);
		assertThat(after.get("rebuild").get("state").asString()).isEqualTo("NEVER");
		assertThat(b.get("/actuator/health").get("components").get("searchIndex").get("status").asString())
			.isEqualTo("UP");
	}

	@Test
	@Order(4)
	void aDigestAskedForOnBothNodesAtOnceRunsOnceAndRecordsOneMessagePerRecipient() throws Exception {
		Api a = api(nodeA);
		Api b = api(nodeB);
		for (String email : List.of("oficina.nodos@munlima.gob.pe", "office.nodes@munlima.gob.pe")) {
			HttpResponse<String> created = a.postJson("/api/admin/alerts/recipients", "{\"email\": \"" + email + "\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}

		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<JsonNode>> runs = new ArrayList<>();
			for (Api node : List.of(a, b)) {
				runs.add(both.submit(() -> {
					go.await();
					return node.post("/api/admin/digests/run");
				}));
			}
			go.countDown();
			List<Boolean> created = new ArrayList<>();
			String period = null;
			for (Future<JsonNode> run : runs) {
				JsonNode answer = run.get(60, TimeUnit.SECONDS);
				created.add(answer.get("created").asBoolean());
				period = answer.get("run").get("period").asString();
			}

			assertThat(created).as("one node ran it, the other found it ran").containsExactlyInAnyOrder(true, false);
			JsonNode messages = a.get("/api/admin/digests/" + period + "/messages");
			List<String> recipients = messages.findValuesAsString("recipient");
			assertThat(recipients).as("one e-mail per recipient, not one per node").doesNotHaveDuplicates();
			assertThat(String.join(" ", recipients)).contains("oficina.nodos@munlima.gob.pe",
					"office.nodes@munlima.gob.pe");
		}
		finally {
			both.shutdownNow();
		}

		// Node A stops while the digest's e-mails go out; B sends what A did not. Each
		// recipient gets the digest once.
		nodeA.close();
		nodeA = null;
		List<String> addresses = List.of("oficina.nodos@munlima.gob.pe", "office.nodes@munlima.gob.pe");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> addresses.stream().allMatch(address -> digestsTo(address) >= 1));
		// And no second one comes (B's sender, A's restart) while the outbox would send
		// it.
		Awaitility.await()
			.during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> addresses.stream().allMatch(address -> digestsTo(address) == 1));
		nodeA = start(workA, true);
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> addresses.stream().allMatch(address -> digestsTo(address) == 1));
	}

	/**
	 * The e-mails GreenMail received for one address (the office list entries of the
	 * digest test receive nothing but the digest).
	 */
	private static long digestsTo(String address) {
		long count = 0;
		try {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				for (Address to : message.getAllRecipients()) {
					if (to.toString().contains(address)) {
						count++;
					}
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return count;
	}

	@Test
	@Order(5)
	void aCorrectionMadeOnOneNodeSurvivesThatNodesRestartAndTheDemoFeedReadAgainAndJudgesOnTheOther() {
		Api a = api(nodeA);
		long movilidad = a.callId("[Demo] Fondo de Movilidad Urbana");
		long electric = a.projectId("P-10-VEHICULOS-ELECTRICOS");
		String eligibility = "/api/eligibility?call=" + movilidad + "&project=" + electric;
		HttpResponse<String> corrected = a.postJson("/api/admin/calls/" + movilidad + "/corrections",
				"{\"facts\": {\"durationMonthsMax\": 6}, \"evidence\": \"Adenda 1: seis meses como máximo\"}");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(a.get(eligibility).get("reasons").toString()).contains("duration-too-long");

		// Restarted, node A reads the demo feed again at start-up: the same source sends
		// the call again, and the correction is still laid over it.
		nodeA.close();
		nodeA = start(workA, true);
		Api restarted = api(nodeA);
		assertThat(restarted.get("/api/calls/" + movilidad + "/corrections")).hasSize(1);
		assertThat(restarted.get("/api/calls/" + movilidad)
			.path("requirements")
			.path("timing")
			.path("durationMonthsMax")
			.path("value")
			.asInt()).isEqualTo(6);
		assertThat(restarted.get(eligibility).get("reasons").toString()).contains("duration-too-long")
			.contains("Confirmado por la Subgerencia");
		assertThat(api(nodeB).get(eligibility).get("reasons").toString()).contains("duration-too-long");
	}

	/**
	 * Node A stops half-way through a crawl (the site holds the details of its second
	 * page until A has stopped; the stop does not wait for the run), node B crawls the
	 * source again: every call of the site is stored, each once, and B's search finds
	 * each once.
	 */
	@Test
	@Order(6)
	void aNodeStoppedDuringACrawlLosesNothingAndTheOtherStoresEachCallOnce() throws Exception {
		int calls = 6;
		AtomicInteger details = new AtomicInteger();
		// A stores the first page, then waits for the rest until it has stopped.
		CountDownLatch held = new CountDownLatch(1);
		HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.setExecutor(Executors.newFixedThreadPool(4));
		site.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery();
			StringBuilder page = new StringBuilder("<html><body>");
			if (path.startsWith("/convocatoria/")) {
				details.incrementAndGet();
				if (Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)) > 2) {
					try {
						held.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				page.append("<div class='texto'><p>Fondo de barrios resilientes ")
					.append(path.substring(path.lastIndexOf('/') + 1))
					.append(" para gobiernos locales, hasta el 30 de diciembre de 2026.</p></div>");
			}
			else {
				int number = query == null ? 1 : Integer.parseInt(query.replaceAll("\\D", ""));
				for (int i = (number - 1) * 2 + 1; i <= Math.min(number * 2, calls); i++) {
					page.append("<div class='convocatoria'><h3><a href='/convocatoria/")
						.append(i)
						.append("'>Barrios resilientes ronda ")
						.append(i)
						.append("</a></h3></div>");
				}
			}
			byte[] body = page.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		site.start();
		JdbcClient database = JdbcClient.create(postgres.getPostgresDatabase());
		ExecutorService crawling = Executors.newSingleThreadExecutor();
		try {
			String definition = """
					id: barrios-nodos
					funder: Fondo de barrios de prueba
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
					language: es
					schedule: {cron: "0 0 6 1 1 ?"}
					checked: test fixture of TwoNodesIntegrationTests
					""".replace("BASE", "http://127.0.0.1:" + site.getAddress().getPort());
			// Deployed identically on both nodes, as the README asks.
			for (Path work : List.of(workA, workB)) {
				Files.writeString(work.resolve("crawlers/barrios-nodos.yaml"), definition);
			}
			Api a = api(nodeA);
			Api b = api(nodeB);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> knows(a, "barrios-nodos") && knows(b, "barrios-nodos"));

			Future<?> run = crawling.submit(() -> a.postEmpty("/api/admin/sources/barrios-nodos/run"));
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stored(database) >= 2);
			nodeA.close();
			nodeA = null;
			long storedByA = stored(database);
			int fetchedByA = details.get();
			assertThat(storedByA).as("A stopped before it had crawled the whole site").isLessThan(calls);
			run.cancel(true);
			held.countDown();

			JsonNode report = b.post("/api/admin/sources/barrios-nodos/run");

			assertThat(report.get("callsNew").asInt()).as("B stored what A had not: %s", report).isPositive();
			assertThat(report.get("errors")).as("B's run: %s", report).isEmpty();
			assertThat(stored(database))
				.as("every call of the site, after A stopped at %d (%d pages fetched)", storedByA, fetchedByA)
				.isEqualTo(calls);
			assertThat(database
				.sql("SELECT count(*) FROM call_source WHERE source_id = 'barrios-nodos' GROUP BY external_id"
						+ " HAVING count(*) > 1")
				.query(Long.class)
				.list()).as("no call stored twice").isEmpty();
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(titles(b, "barrios resilientes ronda")).hasSize(calls)
					.doesNotHaveDuplicates());
		}
		finally {
			held.countDown();
			crawling.shutdownNow();
			site.stop(0);
		}
	}

	private static boolean knows(Api api, String source) {
		return api.get("/api/sources").toString().contains("\"" + source + "\"");
	}

	private static long stored(JdbcClient database) {
		return database.sql("SELECT count(DISTINCT call_id) FROM call_source WHERE source_id = 'barrios-nodos'")
			.query(Long.class)
			.single();
	}

	private static ConfigurableApplicationContext start(Path work, boolean demo) {
		// Command-line arguments: they win over application.yml (builder properties would
		// not).
		List<String> arguments = List.of("--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--convoca.demo.enabled=" + demo, "--convoca.clock.fixed=" + TODAY,
				"--convoca.search.data-dir=" + work.resolve("index"), "--convoca.crawl.dir=" + work.resolve("crawlers"),
				"--convoca.rules.dir=" + work.resolve("rules"),
				"--convoca.search.exchange-rates-file=" + work.resolve("rules/parameters.yaml"),
				"--convoca.rules.watch-interval=1s", "--convoca.security.admin.password=" + Api.ADMIN_PASSWORD,
				"--convoca.security.bcrypt-strength=4", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--convoca.alerts.dispatch.interval=200ms",
				"--convoca.alerts.dispatch.lease=2s", "--convoca.crawl.host-delay=0s",
				"--convoca.crawl.allow-private-addresses=true",
				// A node that stops does not wait for a crawl (a request) to end.
				"--spring.lifecycle.timeout-per-shutdown-phase=1s");
		return new SpringApplicationBuilder(ConvocaApplication.class).run(arguments.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext node) {
		return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
	}

	private static List<String> titles(Api api, String q) {
		List<String> titles = new ArrayList<>();
		for (JsonNode hit : api.get("/api/calls/search?snippets=false&q=" + q.replace(' ', '+')).get("hits")) {
			titles.add(hit.get("title").asString());
		}
		return titles;
	}

	/** An Atom file with one entry, as the office receives them by e-mail. */
	private static byte[] feed(String id, String title, String summary) {
		return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
				+ "<title>correo</title><id>urn:test:" + id + ":feed</id><updated>2026-11-20T00:00:00Z</updated>"
				+ "<entry><title>" + title + "</title><id>urn:test:" + id + "</id><link href=\"https://example.org/"
				+ id + "\"/><updated>2026-11-20T00:00:00Z</updated><summary>" + summary + "</summary></entry></feed>")
			.getBytes(StandardCharsets.UTF_8);
	}

}
