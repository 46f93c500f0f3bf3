package pe.gob.munlima.convoca;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path once, as a user sees it: a funder's RSS feed served over real HTTP from
 * a local server, a crawl run through the API, the call found by search, and its verdict
 * with Spanish (and English) reasons for a demo project. Real embedded PostgreSQL, Lucene
 * index on disk and Drools rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConvocaIntegrationTests {

	static final Path WORK;

	static final HttpServer FUNDER;

	/** Path to response body; a test changes what the "funder" serves. */
	static final Map<String, String> PAGES = new ConcurrentHashMap<>();

	static {
		try {
			WORK = TestWorkspace.create("convoca-it");
			FUNDER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FUNDER.createContext("/", exchange -> {
				String body = PAGES.get(exchange.getRequestURI().getPath());
				byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
				exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
				if (body != null) {
					exchange.getResponseBody().write(bytes);
				}
				exchange.close();
			});
			FUNDER.start();
			Path crawlers = WORK.resolve("crawlers");
			String base = "http://127.0.0.1:" + FUNDER.getAddress().getPort();
			Files.writeString(crawlers.resolve("fondo-ciudades.yaml"), """
					id: fondo-ciudades
					funder: Fondo de Prueba para Ciudades
					kind: rss
					url: BASE/feed.xml
					schedule:
					  cron: "0 0 6 * * ?"
					checked: test fixture written for ConvocaIntegrationTests
					""".replace("BASE", base));
			Files.writeString(crawlers.resolve("fondo-roto.yaml"), """
					id: fondo-roto
					funder: Fuente que no publica XML
					kind: rss
					url: BASE/not-a-feed.html
					schedule:
					  cron: "0 0 6 * * ?"
					""".replace("BASE", base));
			Files.writeString(crawlers.resolve("sin-cron.yaml"), """
					id: sin-cron
					funder: Definición incompleta
					kind: rss
					url: BASE/feed.xml
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
		registry.add("convoca.crawl.watch-interval", () -> "1s");
	}

	@AfterAll
	static void stopFunder() {
		FUNDER.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void crawledCallIsSearchableAndJudgedForTheDemoPortfolioWithSpanishReasons() throws Exception {
		PAGES.put("/feed.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Fondo de Prueba</title><link>http://127.0.0.1/</link>
				<description>Convocatorias</description>
				<item>
				  <title>Convocatoria de ciclovías y bicicletas públicas para ciudades andinas</title>
				  <link>http://127.0.0.1/convocatorias/ciclovias</link>
				  <guid>fondo-ciclovias-2027</guid>
				  <pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate>
				  <description><![CDATA[<p>Subvenciones exclusivamente para ciclovías y movilidad urbana sostenible.</p>
				  <p>Pueden postular municipalidades de América Latina.</p>
				  <p>Aporte de hasta EUR 600.000 por ciudad.</p>
				  <p>Fecha límite: 30 de junio de 2099.</p><script>alert('x')</script>]]></description>
				</item>
				</channel></rss>
				""");

		JsonNode run = post("/api/admin/sources/fondo-ciudades/run");
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("callsNew").asInt()).isEqualTo(1);
		JsonNode again = post("/api/admin/sources/fondo-ciudades/run");
		assertThat(again.get("callsNew").asInt()).as("same feed twice stores nothing twice").isZero();
		assertThat(again.get("callsUpdated").asInt()).isZero();

		JsonNode found = get("/api/calls?q=" + URLEncoder.encode("ciclovía", StandardCharsets.UTF_8));
		// The thesaurus also finds the demo mobility fund (ciclovía is a mobility term);
		// the call that says "ciclovías" ranks first.
		assertThat(found.get("total").asLong()).isGreaterThanOrEqualTo(1);
		JsonNode hit = found.get("hits").get(0);
		assertThat(hit.get("title").asString()).startsWith("Convocatoria de ciclovías");
		assertThat(hit.get("funder").asString()).isEqualTo("Fondo de Prueba para Ciudades");
		long callId = hit.get("id").asLong();

		// The funder moves the deadline: one update, kept as a field-level change.
		PAGES.put("/feed.xml", PAGES.get("/feed.xml").replace("30 de junio de 2099", "31 de agosto de 2099"));
		JsonNode moved = post("/api/admin/sources/fondo-ciudades/run");
		assertThat(moved.get("callsUpdated").asInt()).isEqualTo(1);
		JsonNode versions = get("/api/calls/" + callId + "/versions");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(1).get("changes").findValuesAsString("message"))
			.containsExactly("La fecha límite cambió de 30/06/2099 a 31/08/2099.");
		PAGES.put("/feed.xml", PAGES.get("/feed.xml").replace("31 de agosto de 2099", "30 de junio de 2099"));
		post("/api/admin/sources/fondo-ciudades/run");

		JsonNode call = get("/api/calls/" + callId);
		assertThat(call.get("summary").asString()).doesNotContain("script").contains("ciclovías");
		assertThat(call.get("deadline").asString()).isEqualTo("2099-07-01T04:59:59Z");

		long cycleLanes = projectId("P-11-CICLOVIAS");
		JsonNode matches = get("/api/projects/" + cycleLanes + "/matches");
		JsonNode match = find(matches, callId);
		assertThat(match.get("verdict").asString()).isEqualTo("ELIGIBLE");
		assertThat(match.get("reasons").findValuesAsString("ruleId")).contains("deadline-ok", "applicant-type-ok",
				"geography-ok", "theme-ok");
		assertThat(match.get("reasons").findValuesAsString("message")).contains(
				"Pueden postular: gobiernos locales. Lima postula como gobierno local.",
				"El Perú es elegible (América Latina y el Caribe).");

		long theatre = projectId("P-01-TEATRO-SEGURA");
		assertThat(get("/api/projects/" + theatre + "/matches").findValues("callId")).extracting(JsonNode::asLong)
			.as("a heritage project is not even a candidate for a cycling call")
			.doesNotContain(callId);
		JsonNode theatreCheck = get("/api/eligibility?call=" + callId + "&project=" + theatre);
		assertThat(theatreCheck.get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
		JsonNode mismatch = theatreCheck.get("reasons").get(0);
		assertThat(mismatch.get("ruleId").asString()).isEqualTo("theme-mismatch");
		assertThat(mismatch.get("message").asString())
			.isEqualTo("La convocatoria financia movilidad urbana; el proyecto trata de patrimonio, cultura.");
		assertThat(mismatch.get("fix").asString()).startsWith("Formular un proyecto");

		JsonNode fresh = get("/api/eligibility?call=" + callId + "&project=" + theatre, "en");
		assertThat(fresh.get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
		assertThat(fresh.get("verdictLabel").asString()).isEqualTo("Not eligible");
		assertThat(fresh.get("reasons").get(0).get("message").asString()).startsWith("The call funds");
	}

	@Test
	void demoDataShowsSpanishReasonsOffline() throws Exception {
		long platform = projectId("P-03-PLATAFORMA-TURISMO");
		JsonNode matches = get("/api/projects/" + platform + "/matches?verdict=ELIGIBLE");
		assertThat(matches.findValuesAsString("callTitle"))
			.contains("[Demo] Digital Tourism Platforms for Latin American Destinations");
		JsonNode loans = get("/api/projects/" + projectId("P-13-AREAS-VERDES") + "/matches");
		assertThat(loans.findValuesAsString("ruleId")).contains("reimbursable-instrument");
	}

	@Test
	void feedThatIsNotXmlFailsTheRunWithAClearMessageAndLosesNothing() throws Exception {
		PAGES.put("/not-a-feed.html", "<html><body>Mantenimiento</body></html>");
		long before = get("/api/calls?size=1").get("total").asLong();

		JsonNode run = post("/api/admin/sources/fondo-roto/run");

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("error").asString()).contains("not-a-feed.html").contains("no es un feed RSS/Atom legible");
		assertThat(get("/api/calls?size=1").get("total").asLong()).isEqualTo(before);
		JsonNode runs = get("/api/sources/fondo-roto/runs");
		assertThat(runs.get(0).get("status").asString()).isEqualTo("FAILED");
	}

	@Test
	void aSourceFailingThreeRunsInARowIsDownInTheApiAndInHealth() {
		PAGES.put("/not-a-feed.html", "<html><body>Mantenimiento</body></html>");
		for (int i = 0; i < 3; i++) {
			post("/api/admin/sources/fondo-roto/run");
		}
		JsonNode status = null;
		for (JsonNode source : get("/api/sources").get("sources")) {
			if ("fondo-roto".equals(source.get("id").asString())) {
				status = source.get("status");
			}
		}
		assertThat(status.get("state").asString()).isEqualTo("DOWN");
		assertThat(status.get("failuresInARow").asInt()).isGreaterThanOrEqualTo(3);
		JsonNode health = get("/actuator/health");
		assertThat(health.get("components").get("sources").get("details").get("sources").get("fondo-roto").asString())
			.isEqualTo("DOWN");
		assertThat(health.get("status").asString()).as("one funder down does not make Convoca unhealthy")
			.isEqualTo("UP");
	}

	@Test
	void testingASourceShowsWhatWouldBeStoredAndStoresNothing() {
		PAGES.put("/prueba.xml",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0"><channel><title>Prueba</title><link>http://127.0.0.1/</link><description>d</description>
						<item><title>Fondo de prueba para turismo sostenible</title><link>http://127.0.0.1/turismo</link>
						<guid>prueba-turismo</guid><description>Pueden postular municipalidades del Perú. Aporte de hasta
						USD 40,000. Fecha límite: 1 de marzo de 2099.</description></item>
						</channel></rss>
						""");
		try {
			Files.writeString(WORK.resolve("crawlers/fondo-prueba.yaml"), """
					id: fondo-prueba
					funder: Fondo de Prueba
					kind: rss
					url: BASE/prueba.xml
					schedule:
					  cron: "0 0 7 * * ?"
					checked: test fixture
					""".replace("BASE", "http://127.0.0.1:" + FUNDER.getAddress().getPort()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// A definition added to the folder is picked up without a restart.
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> get("/api/sources").get("sources").findValuesAsString("id").contains("fondo-prueba"));
		long before = get("/api/calls?size=1").get("total").asLong();

		JsonNode result = post("/api/admin/sources/fondo-prueba/test");
		JsonNode preview = result.get("calls").get(0).get("stored");

		assertThat(result.get("pagesFetched").asInt()).isEqualTo(1);
		assertThat(result.get("itemsFound").asInt()).isEqualTo(1);
		assertThat(preview.get("title").asString()).isEqualTo("Fondo de prueba para turismo sostenible");
		assertThat(preview.at("/requirements/applicants/applicantTypes/value/0").asString())
			.isEqualTo("LOCAL_GOVERNMENT");
		assertThat(preview.at("/requirements/money/amountMax/value").asInt()).isEqualTo(40000);
		assertThat(preview.at("/requirements/money/currency").asString()).isEqualTo("USD");
		assertThat(get("/api/calls?size=1").get("total").asLong()).isEqualTo(before);
		assertThat(get("/api/sources/fondo-prueba/runs")).isEmpty();
	}

	@Test
	void invalidDefinitionIsReportedWithFileAndFieldAndTheOthersLoad() throws Exception {
		JsonNode sources = get("/api/sources");
		assertThat(sources.get("sources").findValuesAsString("id")).contains("fondo-ciudades", "fondo-roto");
		JsonNode problem = sources.get("problems").get(0);
		assertThat(problem.get("file").asString()).isEqualTo("sin-cron.yaml");
		assertThat(problem.get("field").asString()).isEqualTo("schedule.cron");
	}

	@Test
	void eachSourceHasAQuartzJobOnItsCronAndTheJobCrawls() throws Exception {
		CronTrigger trigger = (CronTrigger) this.scheduler.getTrigger(TriggerKey.triggerKey("fondo-ciudades", "crawl"));
		assertThat(trigger.getCronExpression()).isEqualTo("0 0 6 * * ?");
		assertThat(trigger.getTimeZone().getID()).isEqualTo("America/Lima");
		assertThat(this.scheduler.checkExists(TriggerKey.triggerKey("sin-cron", "crawl"))).isFalse();
		PAGES.putIfAbsent("/feed.xml", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
		int before = get("/api/sources/fondo-ciudades/runs").size();

		this.scheduler.triggerJob(JobKey.jobKey("fondo-ciudades", "crawl"));

		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/api/sources/fondo-ciudades/runs").size()).isGreaterThan(before));
	}

	@Test
	void aFeedReceivedByEmailIsImportedAndMatched() throws Exception {
		String feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Correo</title><id>urn:correo</id>
				<updated>2026-11-20T00:00:00Z</updated>
				<entry><title>Convocatoria de seguridad ciudadana para gobiernos locales</title>
				<id>urn:correo:seguridad-1</id><link href="https://donante.example/seguridad"/>
				<updated>2026-11-20T00:00:00Z</updated>
				<summary>Prevención del delito en espacios públicos. Pueden postular gobiernos locales del Perú. Subvenciones de hasta USD 750,000. Fecha límite: 31 de mayo de 2099.</summary>
				</entry></feed>
				""";
		String boundary = "convoca-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"correo.xml\"\r\n"
				+ "Content-Type: application/atom+xml\r\n\r\n" + feed + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"funder\"\r\n\r\nDonante por correo\r\n--" + boundary
				+ "--\r\n";
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/calls/import?source=correo"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("created").asInt()).isEqualTo(1);
		long callId = get("/api/calls?q=" + URLEncoder.encode("seguridad ciudadana", StandardCharsets.UTF_8))
			.get("hits")
			.get(0)
			.get("id")
			.asLong();
		JsonNode match = find(get("/api/projects/" + projectId("P-12-SEGURIDAD-CIUDADANA") + "/matches"), callId);
		assertThat(match.get("verdict").asString()).isEqualTo("ELIGIBLE");
	}

	@Test
	void aRuleFileThatDoesNotCompileIsRefusedWithFileAndLineAndTheOldRulesKeepAnswering() throws Exception {
		Path broken = WORK.resolve("rules").resolve("zz-broken.drl");
		Files.writeString(broken, """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;
				rule "broken"
				when
				    CallFacts( deadlin == null )
				then
				end
				""", StandardCharsets.UTF_8);
		try {
			HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/admin/rules/reload"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());

			assertThat(refused.statusCode()).isEqualTo(422);
			JsonNode error = this.json.readTree(refused.body()).get("errors").get(0);
			assertThat(error.get("file").asString()).isEqualTo("zz-broken.drl");
			assertThat(error.get("line").asInt()).isEqualTo(5);
			assertThat(get("/actuator/health").get("components").get("rules").get("status").asString()).isEqualTo("UP");
			long platform = projectId("P-03-PLATAFORMA-TURISMO");
			long call = get("/api/projects/" + platform + "/matches").get(0).get("callId").asLong();
			assertThat(get("/api/eligibility?call=" + call + "&project=" + platform).get("verdict").asString())
				.isNotBlank();
		}
		finally {
			Files.delete(broken);
			post("/api/admin/rules/reload");
		}
	}

	@Test
	void malformedQueryIsA400WithAMessage() throws Exception {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(uri("/api/calls?q=" + URLEncoder.encode("movilidad AND (", StandardCharsets.UTF_8)))
			.build());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("no es válida");
	}

	@Test
	void healthIsUpWithDatabaseIndexAndRules() throws Exception {
		JsonNode health = get("/actuator/health");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("searchIndex").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("rules").get("status").asString()).isEqualTo("UP");
	}

	private long projectId(String code) {
		return api().projectId(code);
	}

	private static JsonNode find(JsonNode matches, long callId) {
		return Api.matchFor(matches, callId);
	}

	private JsonNode get(String path) {
		return api().get(path);
	}

	private JsonNode get(String path, String language) {
		return api().get(path, language);
	}

	private JsonNode post(String path) {
		return api().post(path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		return api().send(request);
	}

	private URI uri(String path) {
		return api().uri(path);
	}

	private Api api() {
		return new Api(this.port);
	}

}
