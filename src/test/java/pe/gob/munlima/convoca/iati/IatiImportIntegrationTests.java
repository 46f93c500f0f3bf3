package pe.gob.munlima.convoca.iati;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.TestWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * IATI sources end to end, with the real database and the API: a local server plays the
 * Datastore; the source runs through the normal crawl path (POST
 * /api/admin/sources/{id}/run); its run says what it read and stored, part by part; the
 * rows in PostgreSQL are as many as the elements of the file; the activities answer by
 * funder and country (GET /api/donors/activities); a re-import updates and never
 * duplicates; and a broken file fails the run clearly and keeps what was stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IatiImportIntegrationTests {

	static final Path WORK;

	static final HttpServer DATASTORE;

	/** Path → body the local Datastore answers. */
	static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

	static final Path FIXTURE = Path.of("crawlers", "fixtures", "iati-peru", "datastore-pe.xml");

	static {
		try {
			WORK = TestWorkspace.create("convoca-iati-it");
			DATASTORE = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			DATASTORE.createContext("/", exchange -> {
				byte[] body = FILES.get(exchange.getRequestURI().getPath());
				exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
				if (body != null) {
					exchange.getResponseBody().write(body);
				}
				exchange.close();
			});
			DATASTORE.start();
			String base = "http://127.0.0.1:" + DATASTORE.getAddress().getPort();
			for (String id : List.of("iati-peru-prueba", "iati-corpus-prueba")) {
				Files.writeString(WORK.resolve("crawlers").resolve(id + ".yaml"), """
						id: ID
						funder: Datastore de prueba
						kind: iati
						url: BASE/ID.xml
						schedule: {cron: "0 0 5 * * ?"}
						limits: {maxBodyMegabytes: 20}
						checked: test fixture of IatiImportIntegrationTests
						""".replace("ID", id).replace("BASE", base));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.crawl.allow-private-addresses", () -> "true");
		// Small batches: the import of a corpus file goes through many transactions.
		registry.add("convoca.iati.batch-size", () -> "7");
	}

	@AfterAll
	static void stop() {
		DATASTORE.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyCorpusFileIsStoredWithoutLossThroughTheCrawlRun() throws Exception {
		assumeTrue(Files.isDirectory(IatiReaderTests.CORPUS), "../shared/corpus/iati-activities is not here");
		List<Path> files;
		try (var list = Files.list(IatiReaderTests.CORPUS)) {
			files = list.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
		}
		assertThat(files).hasSize(5);
		for (Path file : files) {
			FILES.put("/iati-corpus-prueba.xml", Files.readAllBytes(file));
			Map<String, Integer> counted = IatiReaderTests.independentCount(file);

			JsonNode run = api().post("/api/admin/sources/iati-corpus-prueba/run");

			assertThat(run.get("status").asString()).as("run of %s: %s", file, run).isEqualTo("SUCCEEDED");
			assertThat(run.get("itemsFound").asInt()).isEqualTo(counted.get(IatiReport.ACTIVITIES));
			for (JsonNode tally : run.get("tallies")) {
				String part = tally.get("part").asString();
				assertThat(tally.get("read").asInt()).as("%s read in %s", part, file.getFileName())
					.isEqualTo(counted.get(part));
				assertThat(tally.get("stored").asInt()).as("%s stored from %s", part, file.getFileName())
					.isEqualTo(counted.get(part));
			}
			assertThat(run.get("tallies")).hasSize(IatiReport.PARTS.size());
			// The rows are really there: as many as the file has, for its activities.
			List<String> ids = identifiers(file);
			assertThat(rows("iati_activity", ids)).isEqualTo(counted.get(IatiReport.ACTIVITIES));
			assertThat(rows("iati_sector", ids)).isEqualTo(counted.get(IatiReport.SECTORS));
			assertThat(rows("iati_location", ids)).isEqualTo(counted.get(IatiReport.LOCATIONS));
			assertThat(rows("iati_transaction", ids)).isEqualTo(counted.get(IatiReport.TRANSACTIONS));
			assertThat(rows("iati_budget", ids)).isEqualTo(counted.get(IatiReport.BUDGETS));
			assertThat(rows("iati_participating_org", ids)).isEqualTo(counted.get(IatiReport.ORGANISATIONS));
			assertThat(rows("iati_recipient", ids)).isEqualTo(counted.get(IatiReport.RECIPIENTS));
		}
		// What USAID funds in DR Congo, from the Datastore's 2.02 output.
		JsonNode usaid = api().get("/api/donors/activities?funder=USAID&country=CD");
		assertThat(usaid.get("funding").get("known").asBoolean()).isTrue();
		assertThat(usaid.get("funding").get("activities").asInt()).isPositive();
		// Spanish titles are kept in Spanish.
		assertThat(this.jdbc.sql("SELECT titles->0->>'language' FROM iati_activity WHERE iati_identifier = ?")
			.param("ES-DIR3-E04585801-009-001301")
			.query(String.class)
			.single()).isEqualTo("es");
	}

	@Test
	void activitiesAnswerByFunderAndCountryAndAReimportUpdatesWithoutDuplicates() throws IOException {
		String fixture = Files.readString(FIXTURE, StandardCharsets.UTF_8);
		FILES.put("/iati-peru-prueba.xml", fixture.getBytes(StandardCharsets.UTF_8));
		JsonNode first = api().post("/api/admin/sources/iati-peru-prueba/run");
		assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
		assertThat(first.get("callsNew").asInt()).isEqualTo(2);
		// The source's page shows what the run read and stored, part by part.
		PageSession browser = new PageSession(this.port);
		assertThat(browser.logIn(Api.ADMIN, Api.ADMIN_PASSWORD)).isTrue();
		String page = browser.get("/admin/fuentes/iati-peru-prueba").body();
		assertThat(page).contains("leído / guardado").contains("Transacciones").contains("2 leídos, 2 guardados");

		Api reader = reader();
		JsonNode aecid = reader.get("/api/donors/activities?funder=AECID&country=PE");
		JsonNode funding = aecid.get("funding");
		assertThat(funding.get("funder").asString()).isEqualTo("AECID");
		assertThat(funding.get("activities").asInt()).isEqualTo(1);
		assertThat(funding.get("truncated").asBoolean()).isFalse();
		assertThat(funding.get("total").get(0).get("currency").asString()).isEqualTo("EUR");
		assertThat(funding.get("total").get(0).get("committed").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(funding.get("total").get(0).get("disbursed").decimalValue()).isEqualByComparingTo("250000");
		assertThat(funding.get("byTheme").findValuesAsString("theme")).containsExactly("environment", "mobility");
		JsonNode road = funding.get("bySector").get(0);
		assertThat(road.get("code").asString()).isEqualTo("21020");
		assertThat(road.get("categoryName").asString()).isEqualTo("Transporte y almacenamiento");
		assertThat(road.get("amounts").get(0).get("committed").decimalValue())
			.as("60 %% of the commitment is road transport")
			.isEqualByComparingTo("600000");
		assertThat(funding.get("byLocation").get(0).get("name").asString()).isEqualTo("Lima Cercado");
		assertThat(aecid.get("pipeline")).isEmpty();
		// USAID's activity in identification is the early warning.
		JsonNode usaid = reader.get("/api/donors/activities?funder=U.S.%20Agency%20for%20International%20Development");
		assertThat(usaid.get("pipeline")).hasSize(1);
		JsonNode warning = usaid.get("pipeline").get(0);
		assertThat(warning.get("identifier").asString()).isEqualTo("US-GOV-1-PRUEBA-0002");
		assertThat(warning.get("statusName").asString()).isEqualTo("En preparación (identificación)");
		assertThat(warning.get("themes").get(0).asString()).isEqualTo("water");
		assertThat(warning.get("locations").get(0).asString()).isEqualTo("Callao");
		assertThat(warning.get("budget").get(0).get("committed").decimalValue()).isEqualByComparingTo("2000000");
		assertThat(
				reader.get("/api/donors/activities?funder=AECID&country=CO").get("funding").get("activities").asInt())
			.isZero();

		// The same activities again (the file differs by a comment): nothing is written.
		List<String> ids = List.of("ES-DIR3-E04585801-PRUEBA-0001", "US-GOV-1-PRUEBA-0002");
		int sectors = rows("iati_sector", ids);
		FILES.put("/iati-peru-prueba.xml", (fixture + "<!-- again -->").getBytes(StandardCharsets.UTF_8));
		JsonNode again = api().post("/api/admin/sources/iati-peru-prueba/run");
		assertThat(again.get("callsUnchanged").asInt()).isEqualTo(2);
		assertThat(again.get("callsNew").asInt() + again.get("callsUpdated").asInt()).isZero();
		assertThat(rows("iati_activity", ids)).isEqualTo(2);
		assertThat(rows("iati_sector", ids)).isEqualTo(sectors);

		// One activity changed: it is updated in place, its children replaced.
		FILES.put("/iati-peru-prueba.xml",
				fixture.replace("percentage=\"60\"", "percentage=\"50\"")
					.replace("percentage=\"40\"", "percentage=\"50\"")
					.getBytes(StandardCharsets.UTF_8));
		JsonNode changed = api().post("/api/admin/sources/iati-peru-prueba/run");
		assertThat(changed.get("callsUpdated").asInt()).isEqualTo(1);
		assertThat(changed.get("callsUnchanged").asInt()).isEqualTo(1);
		assertThat(rows("iati_activity", ids)).isEqualTo(2);
		assertThat(rows("iati_sector", ids)).isEqualTo(sectors);
		assertThat(reader.get("/api/donors/activities?funder=AECID&country=PE")
			.get("funding")
			.get("bySector")
			.get(0)
			.get("amounts")
			.get(0)
			.get("committed")
			.decimalValue()).isEqualByComparingTo("500000");

		// A broken file: the run fails with a clear message, and nothing stored is lost.
		String cut = fixture.substring(0, fixture.indexOf("<reporting-org ref=\"US-GOV-1\""));
		FILES.put("/iati-peru-prueba.xml", cut.getBytes(StandardCharsets.UTF_8));
		JsonNode broken = api().post("/api/admin/sources/iati-peru-prueba/run");
		assertThat(broken.get("status").asString()).isEqualTo("FAILED");
		assertThat(broken.get("error").asString()).contains("el XML no es válido")
			.contains("se conserva lo ya guardado");
		assertThat(broken.get("tallies").get(0).get("read").asInt()).as("the activity read whole before the break")
			.isEqualTo(1);
		assertThat(rows("iati_activity", ids)).isEqualTo(2);
		assertThat(rows("iati_sector", ids)).isEqualTo(sectors);
	}

	@Autowired
	IatiImport iati;

	@Test
	void theSameActivityTwiceInOneFileIsOneRowWithItsLastReading() {
		String twice = """
				<iati-activities version="2.03">
				  <iati-activity><iati-identifier>XX-DOBLE-1</iati-identifier><title><narrative>Primera</narrative></title>
				    <sector code="14020"/><sector code="21020"/></iati-activity>
				  <iati-activity><iati-identifier>XX-DOBLE-1</iati-identifier><title><narrative>Segunda</narrative></title>
				    <sector code="14020"/></iati-activity>
				</iati-activities>""";
		IatiReport report = this.iati.importActivities("prueba",
				new java.io.ByteArrayInputStream(twice.getBytes(StandardCharsets.UTF_8)), "doble.xml");
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.updated()).isEqualTo(1);
		assertThat(rows("iati_activity", List.of("XX-DOBLE-1"))).isEqualTo(1);
		assertThat(rows("iati_sector", List.of("XX-DOBLE-1"))).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT titles->0->>'text' FROM iati_activity WHERE iati_identifier = 'XX-DOBLE-1'")
			.query(String.class)
			.single()).isEqualTo("Segunda");
	}

	@Test
	void theEndpointNeedsALoginAndAFunder() {
		assertThat(api().anonymous().fetch("/api/donors/activities?funder=AECID").statusCode()).isEqualTo(401);
		HttpResponse<String> noFunder = reader().fetch("/api/donors/activities?country=PE");
		assertThat(noFunder.statusCode()).isEqualTo(400);
		assertThat(noFunder.body()).contains("funder");
		assertThat(reader().fetch("/api/donors/activities?funder=AECID&country=PERU").statusCode()).isEqualTo(400);
	}

	private List<String> identifiers(Path file) throws IOException {
		List<String> ids = new java.util.ArrayList<>();
		try (var in = Files.newInputStream(file)) {
			new ActivityReader().read(in, file.toString(), new Tally(), activity -> ids.add(activity.identifier()));
		}
		return ids;
	}

	/**
	 * Rows of a table for these activities (every row of the activity table counts once).
	 */
	private int rows(String table, List<String> identifiers) {
		String sql = table.equals("iati_activity")
				? "SELECT count(*) FROM iati_activity WHERE iati_identifier IN (:ids)" : "SELECT count(*) FROM " + table
						+ " t JOIN iati_activity a ON a.id = t.activity_id WHERE a.iati_identifier IN (:ids)";
		return this.jdbc.sql(sql)
			.param("ids", new java.util.LinkedHashSet<>(identifiers))
			.query(Integer.class)
			.single();
	}

	private Api api() {
		return new Api(this.port);
	}

	/** Any logged-in user may read the donors' activities. */
	private Api reader() {
		return api().user("lectora", "PROJECT_OWNER", "GMU");
	}

}
