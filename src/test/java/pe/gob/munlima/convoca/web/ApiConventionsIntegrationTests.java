package pe.gob.munlima.convoca.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions every API answer follows: errors as problem+json with a Spanish title
 * and detail (English on request), the modules' own error messages kept, and the API
 * described by OpenAPI with its two security schemes.
 */
class ApiConventionsIntegrationTests extends WebContextTestSupport {

	@Test
	void unknownPathWrongMethodAndWrongMediaTypeAreSpanishProblems() {
		JsonNode notFound = problem(api().fetch("/api/no-existe"), 404);
		assertThat(notFound.get("title").asString()).isEqualTo("No encontrado");
		assertThat(notFound.get("detail").asString()).isEqualTo("No existe el recurso solicitado.");
		assertThat(notFound.get("instance").asString()).isEqualTo("/api/no-existe");

		JsonNode method = problem(api().delete("/api/calls"), 405);
		assertThat(method.get("title").asString()).isEqualTo("Método no permitido");
		assertThat(method.get("detail").asString()).startsWith("El método DELETE no se admite en esta dirección");

		HttpResponse<String> text = api().send(HttpRequest.newBuilder(api().uri("/api/projects"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hola"))
			.build());
		assertThat(problem(text, 415).get("detail").asString()).startsWith("El tipo de contenido text/plain")
			.contains("no se admite aquí; use [application/json");
	}

	@Test
	void malformedJsonInvalidFieldsAndWrongParameterTypesAre400WithTheReason() {
		JsonNode malformed = problem(api().postJson("/api/projects", "{\"code\": "), 400);
		assertThat(malformed.get("title").asString()).isEqualTo("Solicitud no válida");
		assertThat(malformed.get("detail").asString()).startsWith("No se pudo leer el cuerpo de la solicitud");

		JsonNode invalid = problem(
				api().postJson("/api/eligibility/check", "{\"code\": \"x\", \"durationMonths\": 12}"), 400);
		assertThat(invalid.has("errors")).as(invalid.toString()).isTrue();
		assertThat(invalid.get("errors").findValuesAsString("field")).contains("gerencia", "title", "themes");
		assertThat(invalid.get("detail").asString()).contains("title: no debe estar vacío");

		JsonNode type = problem(api().fetch("/api/calls/abc"), 400);
		assertThat(type.get("detail").asString()).isEqualTo("El parámetro id no admite el valor «abc».");
		JsonNode missing = problem(api().fetch("/api/eligibility?call=1"), 400);
		assertThat(missing.get("detail").asString()).isEqualTo("Falta el parámetro obligatorio project.");
	}

	@Test
	void aModulesOwnMessageIsKeptAndGetsASpanishTitle() {
		JsonNode project = problem(api().fetch("/api/projects/999999"), 404);
		assertThat(project.get("detail").asString()).isEqualTo("No existe el proyecto 999999");
		assertThat(project.get("title").asString()).isEqualTo("No encontrado");

		JsonNode query = problem(
				api().fetch("/api/calls?q=" + URLEncoder.encode("movilidad AND (", StandardCharsets.UTF_8)), 400);
		assertThat(query.get("title").asString()).isEqualTo("Búsqueda no válida");
		assertThat(query.get("detail").asString()).contains("no es válida");
	}

	@Test
	void problemsAreInEnglishWhenTheClientAsksForEnglish() {
		HttpResponse<String> response = api()
			.send(HttpRequest.newBuilder(api().uri("/api/no-existe")).header("Accept-Language", "en").build());
		JsonNode problem = problem(response, 404);
		assertThat(problem.get("title").asString()).isEqualTo("Not found");
		assertThat(problem.get("detail").asString()).isEqualTo("The requested resource does not exist.");
	}

	@Test
	void theApiIsDescribedWithItsSecuritySchemesAndSwaggerNeedsALogin() {
		JsonNode docs = api().get("/v3/api-docs");
		assertThat(docs.get("info").get("title").asString()).isEqualTo("Convoca API");
		assertThat(docs.get("components").get("securitySchemes").get("basic").get("scheme").asString())
			.isEqualTo("basic");
		assertThat(docs.get("components").get("securitySchemes").get("token").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(docs.get("paths").has("/api/admin/users")).isTrue();
		assertThat(docs.get("paths").has("/api/calls/search")).isTrue();
		assertThat(api().anonymous().fetch("/v3/api-docs").statusCode()).isEqualTo(401);

		PageSession browser = new PageSession(this.port);
		HttpResponse<String> anonymous = browser.get("/swagger-ui/index.html");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(browser.logIn(Api.ADMIN, Api.ADMIN_PASSWORD)).isTrue();
		HttpResponse<String> swagger = browser.get("/swagger-ui/index.html");
		assertThat(swagger.statusCode()).isEqualTo(200);
		assertThat(swagger.body()).contains("swagger-ui");
		assertThat(browser.get("/v3/api-docs").statusCode()).as("Swagger UI reads the docs with the session")
			.isEqualTo(200);
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		return api().json(response);
	}

}
