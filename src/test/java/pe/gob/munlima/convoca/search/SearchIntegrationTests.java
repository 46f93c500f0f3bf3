package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.TestWorkspace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search API over HTTP on the running application: calls stored through intake (real
 * normaliser, embedded PostgreSQL), searched in Spanish, exported as CSV, a malformed
 * query refused, and the index rebuilt through the admin API while it keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests {

	static final Path WORK = TestWorkspace.create("convoca-search-it");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
	}

	@LocalServerPort
	int port;

	@Autowired
	CallIntake intake;

	@BeforeAll
	void storeCalls() {
		Instant published = Instant.parse("2026-11-20T00:00:00Z");
		this.intake.ingest(new SourceInfo("fondo-en", "Global Cities Fund", "en", ZoneId.of("UTC")), List.of(
				new RawCall("gcf-1", "Urban mobility grants for Latin American cities", "https://gcf.example/1",
						"<p>Grants for bike lanes and public transport.</p><p>Local governments may apply.</p>"
								+ "<p>Deadline: 30 June 2099.</p>",
						published),
				new RawCall("gcf-2", "Concessional loan for bus rapid transit", "https://gcf.example/2",
						"<p>A loan for urban transport corridors. Deadline: 31 May 2099.</p>", published)));
		this.intake.ingest(new SourceInfo("fondo-es", "Fondo Andino, Cooperación", "es", ZoneId.of("America/Lima")),
				List.of(new RawCall("fa-1", "Subvenciones para ciclovías en municipios andinos",
						"https://fondo.example/1",
						"<p>Pueden postular municipalidades de América Latina. Fecha límite: 15 de marzo de 2099.</p>",
						published)));
	}

	@Test
	void spanishSearchFindsTheEnglishCallWithFacetsSnippetsAndListFields() throws Exception {
		JsonNode result = get("/api/calls/search?q=" + encode("movilidad urbana") + "&source=fondo-en");

		assertThat(result.get("total").asLong()).isEqualTo(2);
		assertThat(result.get("tookMs").asDouble()).isNotNegative();
		JsonNode hit = result.get("hits").get(0);
		assertThat(hit.get("title").asString()).isEqualTo("Urban mobility grants for Latin American cities");
		assertThat(hit.get("deadline").asString()).startsWith("2099-06-30");
		assertThat(hit.get("applicantTypes").get(0).asString()).isEqualTo("LOCAL_GOVERNMENT");
		assertThat(hit.get("snippet").asString()).contains("Grants for bike lanes");
		assertThat(result.get("facets").get("theme").findValuesAsString("value")).contains("mobility");
		assertThat(result.get("facets").get("funder").get(0).get("count").asLong()).isEqualTo(2);
		assertThat(result.get("facets").get("deadline").findValuesAsString("value")).contains("mas-180-dias");

		JsonNode withoutLoans = get("/api/calls/search?q=" + encode("movilidad urbana -préstamo") + "&source=fondo-en");
		assertThat(withoutLoans.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void theSameSearchExportsAsCsv() throws Exception {
		HttpResponse<String> csv = send(
				HttpRequest.newBuilder(uri("/api/calls/search?q=" + encode("ciclovía") + "&format=csv")).build());

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
			.containsIgnoringCase("utf-8");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("convocatorias.csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFid,titulo,financiador,estado,fecha_limite");
		assertThat(lines).anySatisfy(line -> assertThat(line).contains(
				",Subvenciones para ciclovías en municipios andinos,\"Fondo Andino, Cooperación\",open,2099-03-15,"));
	}

	@Test
	void aMalformedQueryIsA400ProblemInSpanish() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/calls/search?q=" + encode("movilidad AND (agua"))).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = new Api(this.port).json(response);
		assertThat(problem.get("title").asString()).isEqualTo("Búsqueda no válida");
		assertThat(problem.get("detail").asString()).contains("no es válida").contains("paréntesis");

		HttpResponse<String> badDate = send(
				HttpRequest.newBuilder(uri("/api/calls/search?deadlineFrom=mañana")).build());
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(new Api(this.port).json(badDate).get("detail").asString()).contains("AAAA-MM-DD");
	}

	@Test
	void anAdministratorRebuildsTheIndexWhileSearchesKeepAnswering() throws Exception {
		long before = get("/api/calls/search?q=" + encode("movilidad urbana")).get("total").asLong();
		String generation = get("/api/admin/index").get("generation").asString();

		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/admin/index/rebuild"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(started.statusCode()).isIn(202, 409);
		do {
			assertThat(get("/api/calls/search?q=" + encode("movilidad urbana")).get("total").asLong())
				.isEqualTo(before);
		}
		while ("RUNNING".equals(get("/api/admin/index").get("rebuild").get("state").asString()));

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode status = get("/api/admin/index");
			assertThat(status.get("rebuild").get("state").asString()).isEqualTo("SUCCEEDED");
			assertThat(status.get("generation").asString()).isNotEqualTo(generation);
			assertThat(status.get("rebuild").get("done").asLong()).isEqualTo(status.get("documents").asLong());
		});
		assertThat(get("/api/calls/search?q=" + encode("movilidad urbana")).get("total").asLong()).isEqualTo(before);
		JsonNode health = get("/actuator/health").get("components").get("searchIndex");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("rebuild").asString()).startsWith("SUCCEEDED");
	}

	@Test
	void theThesaurusReloadsThroughTheApi() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/index/thesaurus/reload"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode status = new Api(this.port).json(response);
		assertThat(status.get("themeGroups").asInt()).isGreaterThan(10);
		assertThat(status.get("groups").asInt()).isGreaterThan(status.get("themeGroups").asInt());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private JsonNode get(String path) {
		return new Api(this.port).get(path, "es");
	}

	private HttpResponse<String> send(HttpRequest request) {
		return new Api(this.port).send(request);
	}

	private URI uri(String path) {
		return new Api(this.port).uri(path);
	}

}
