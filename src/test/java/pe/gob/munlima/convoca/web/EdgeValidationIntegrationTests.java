package pe.gob.munlima.convoca.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import pe.gob.munlima.convoca.WebContextTestSupport;
import pe.gob.munlima.convoca.project.ProjectFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed requests of issue 14 ("bad input gives 500s or is stored") through the
 * running service: a 400 problem+json that names what is wrong, in Spanish (English on
 * request), and nothing stored. Projects with a NUL or an escape sequence (the other
 * project cases run in the web slice, ProjectValidationWebMvcTests), feed imports (no
 * body, no file, an empty file, an item the database refuses), application moves and
 * awards and saved searches, searches (a regular expression too complex or too long, an
 * overlong query) and rule files (NUL, over 256 KB).
 */
class EdgeValidationIntegrationTests extends WebContextTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A valid project as the eligibility check takes it (nothing is stored). */
	private static final String PROJECT = ProjectFixtures.VALID_PROJECT;

	@Test
	void aValidProjectPassesEvenInQuechuaAndWithLineBreaksInItsDescription() {
		HttpResponse<String> response = api().postJson("/api/eligibility/check", PROJECT);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aNulInATitleIsA400NamingTheFieldNotA500() {
		JsonNode problem = invalidProject(p -> p.put("title", "Ciclovías\u0000 para Lima"));
		assertThat(fields(problem)).containsExactly("title");
		assertThat(problem.get("detail").asString()).contains("title: no debe contener caracteres de control");

		HttpResponse<String> english = api().send(HttpRequest.newBuilder(api().uri("/api/projects"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(project(p -> p.put("title", "a\u0000b")), StandardCharsets.UTF_8))
			.build());
		assertThat(problem(english).get("detail").asString()).contains("must not contain control characters");
	}

	@Test
	void anEditWithControlCharactersIsRefusedLikeACreation() {
		long id = api().projectId("P-11-CICLOVIAS");
		HttpResponse<String> response = api().putJson("/api/projects/" + id,
				project(p -> p.put("description", "texto\u001b[31m rojo")));
		assertThat(fields(problem(response))).containsExactly("description");
		assertThat(api().get("/api/projects/" + id).get("description").asString()).doesNotContain("\u001b");
	}

	@Test
	void applicationsAndSavedSearchesRefuseControlCharactersAndImpossibleAmounts() {
		JsonNode note = problem(
				api().postJson("/api/applications/1/transitions", "{\"to\": \"postulando\", \"note\": \"a\\u0000b\"}"));
		assertThat(fields(note)).containsExactly("note");

		JsonNode award = problem(api().putJson("/api/applications/1/award",
				"{\"amount\": 1e30, \"currency\": \"XYZ\", \"documentType\": \"CONVENIO\"}"));
		assertThat(fields(award)).containsExactly("amount");

		JsonNode search = problem(
				api().postJson("/api/saved-searches", "{\"name\": \"agua\\u0000\", \"params\": {\"q\": \"agua\"}}"));
		assertThat(fields(search)).containsExactly("name");
	}

	@Test
	void aMultipartImportWithoutBodyOrWithoutTheFileIsA400() {
		HttpResponse<String> noBody = api()
			.send(HttpRequest.newBuilder(api().uri("/api/admin/calls/import?funder=Donante"))
				.header("Content-Type", "multipart/form-data; boundary=convoca-boundary")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
		assertThat(problem(noBody).get("title").asString()).isEqualTo("Solicitud no válida");

		HttpResponse<String> noFile = multipart("funder", null, "Donante por correo");
		assertThat(problem(noFile).get("detail").asString()).contains("file");

		HttpResponse<String> empty = multipart("file", "vacio.xml", "");
		assertThat(problem(empty).get("detail").asString()).isEqualTo("El archivo importado está vacío.");

		HttpResponse<String> klingon = api().send(HttpRequest
			.newBuilder(api().uri("/api/admin/calls/import?funder=Donante&language=klingon"))
			.header("Content-Type", "multipart/form-data; boundary=convoca-boundary")
			.POST(HttpRequest.BodyPublishers.ofString(part("file", "feed.xml", "<rss/>") + "--convoca-boundary--\r\n"))
			.build());
		assertThat(fields(problem(klingon))).containsExactly("language");
	}

	@Test
	void anImportItemTheDatabaseRefusesIsReportedWithoutSql() throws Exception {
		// A guid too long for the unique index: PostgreSQL refuses the row with an error
		// that quotes the index and the row size. Random, so that compression cannot
		// shrink it below the limit.
		StringBuilder guid = new StringBuilder();
		Random random = new Random(14);
		for (int i = 0; i < 12_000; i++) {
			guid.append((char) ('a' + random.nextInt(26)));
		}
		String feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Correo</title><link>http://127.0.0.1/</link><description>d</description>
				<item><title>Fondo con identificador enorme</title><link>http://127.0.0.1/enorme</link>
				<guid>GUID</guid><description>Pueden postular municipalidades del Perú.</description></item>
				</channel></rss>
				"""
			.replace("GUID", guid);

		HttpResponse<String> response = multipart("file", "correo.xml", feed);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode result = api().json(response);
		assertThat(result.get("created").asInt()).isZero();
		String error = result.get("errors").get(0).asString();
		assertThat(error).startsWith("fuente correo, ítem ")
			.endsWith("no se guardó (un valor es demasiado largo o no es válido para la base de datos)")
			.doesNotContainIgnoringCase("insert")
			.doesNotContainIgnoringCase("sql")
			.doesNotContain("index row")
			.doesNotContain("call_stable_key");
		assertThat(error.length()).isLessThan(300);
	}

	@Test
	void aRegularExpressionTooComplexOrTooLongAndAnOverlongQueryAre400() {
		JsonNode complex = problem(api().fetch("/api/calls?q=" + encode("/.{0,30000}/")));
		assertThat(complex.get("title").asString()).isEqualTo("Búsqueda no válida");
		assertThat(complex.get("detail").asString()).contains("demasiado compleja");
		assertThat(problem(api().fetch("/api/calls/search?q=" + encode("/(a|b){2,999}/"))).get("detail").asString())
			.contains("demasiado compleja");

		JsonNode longRegexp = problem(api().fetch("/api/calls?q=" + encode("/" + "ab".repeat(100) + "/")));
		assertThat(longRegexp.get("detail").asString()).contains("100 caracteres");

		JsonNode longQuery = problem(api().fetch("/api/calls?q=" + encode("agua ".repeat(300))));
		assertThat(longQuery.get("detail").asString()).contains("1.000 caracteres");

		HttpResponse<String> fine = api().fetch("/api/calls?q=" + encode("/ag[uü]a{1,3}/"));
		assertThat(fine.statusCode()).as("a modest regular expression still works").isEqualTo(200);
	}

	@Test
	void aRuleFileWithNulOrOver256KbIsRefusedBeforeItIsStored() {
		// The rule sandbox checks a draft before storing it: a NUL is refused at its line
		// (422, not stored), a file over 256 KB before it is even read whole (413).
		HttpResponse<String> nul = api().put("/api/admin/rules/zz-nul.drl", "package rules.eligibility;\u0000\n");
		assertThat(nul.statusCode()).as(abbreviate(nul.body())).isEqualTo(422);
		assertThat(api().json(nul).get("stored").asBoolean()).isFalse();

		// Over the cap, yet small enough that the refusal arrives before the upload ends.
		HttpResponse<String> huge = api().put("/api/admin/rules/zz-huge.drl", "// " + "x".repeat(300 * 1024));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(api().json(huge).get("detail").asString()).contains("256 KB");

		// Neither is stored as a draft (the audit records the refusal, by name).
		assertThat(api().get("/api/admin/rules").get("drafts").toString()).doesNotContain("zz-nul.drl")
			.doesNotContain("zz-huge.drl");
	}

	private JsonNode invalidProject(Consumer<ObjectNode> change) {
		HttpResponse<String> response = api().postJson("/api/projects", project(change));
		return problem(response);
	}

	private static String project(Consumer<ObjectNode> change) {
		ObjectNode project = (ObjectNode) JSON.readTree(PROJECT);
		change.accept(project);
		return project.toString();
	}

	private static java.util.List<String> fields(JsonNode problem) {
		assertThat(problem.has("errors")).as(problem.toString()).isTrue();
		return problem.get("errors").findValuesAsString("field").stream().distinct().toList();
	}

	private JsonNode problem(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		return api().json(response);
	}

	private HttpResponse<String> multipart(String name, String fileName, String content) {
		String body = part(name, fileName, content);
		if (fileName != null) {
			body += "--convoca-boundary\r\nContent-Disposition: form-data; name=\"funder\"\r\n\r\nDonante\r\n";
		}
		body += "--convoca-boundary--\r\n";
		return api().send(HttpRequest.newBuilder(api().uri("/api/admin/calls/import?source=correo"))
			.header("Content-Type", "multipart/form-data; boundary=convoca-boundary")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	private static String part(String name, String fileName, String content) {
		return "--convoca-boundary\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/rss+xml")
				+ "\r\n\r\n" + content + "\r\n";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String body) {
		return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
	}

}
