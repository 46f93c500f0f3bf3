package pe.gob.munlima.convoca.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, over real HTTP on the running application: each role against
 * representative endpoints (allowed, and 401/403 as Spanish problem+json), a project
 * owner's gerencia, user management and its validation, personal tokens, passwords at
 * rest, CSRF, sessions that end when the user is disabled, and the security headers.
 */
class SecurityIntegrationTests extends WebContextTestSupport {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousAndWrongPasswordAre401ProblemsInSpanishThatSayHowToAuthenticate() {
		HttpResponse<String> anonymous = api().anonymous().fetch("/api/calls");
		assertProblem(anonymous, 401, "Se necesita autenticación");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).contains("Basic");

		HttpResponse<String> wrong = api().as(Api.ADMIN, "not-the-password").fetch("/api/calls");
		assertProblem(wrong, 401, "Usuario, contraseña o token no válidos.");

		HttpResponse<String> english = api().anonymous()
			.send(HttpRequest.newBuilder(api().uri("/api/calls")).header("Accept-Language", "en").build());
		assertProblem(english, 401, "Authentication is required");
	}

	@Test
	void aProjectOwnerReadsButCannotRunSourcesRebuildOrManageUsers() {
		Api owner = api().as(OWNER, OWNER_PASSWORD);
		assertThat(owner.fetch("/api/calls").statusCode()).isEqualTo(200);
		assertThat(owner.fetch("/api/projects").statusCode()).isEqualTo(200);
		assertThat(owner.fetch("/api/gerencias").statusCode()).isEqualTo(200);
		assertThat(owner.fetch("/api/organisation").statusCode()).isEqualTo(200);
		assertThat(owner.fetch("/api/sources").statusCode()).isEqualTo(200);
		long project = api().projectId("P-11-CICLOVIAS");
		assertThat(owner.fetch("/api/projects/" + project + "/matches").statusCode()).isEqualTo(200);

		assertProblem(owner.postEmpty("/api/admin/sources/nope/run"), 403,
				"Su rol (PROJECT_OWNER) no permite esta operación.");
		assertProblem(owner.postEmpty("/api/admin/index/rebuild"), 403, "PROJECT_OWNER");
		assertProblem(owner.postEmpty("/api/admin/matches/rematch"), 403, "PROJECT_OWNER");
		assertProblem(owner.postEmpty("/api/admin/rules/dry-run"), 403, "PROJECT_OWNER");
		assertProblem(owner.fetch("/api/admin/users"), 403, "PROJECT_OWNER");
	}

	@Test
	void theSubgerenciaRunsTheOfficeButCannotActivateRulesNorManageUsers() {
		Api subgerencia = api().as(SUBGERENCIA, SUBGERENCIA_PASSWORD);
		assertThat(subgerencia.fetch("/api/admin/index").statusCode()).isEqualTo(200);
		assertThat(subgerencia.fetch("/api/admin/rules").statusCode()).isEqualTo(200);
		assertThat(subgerencia.postEmpty("/api/admin/rules/dry-run").statusCode()).isEqualTo(200);
		// An unknown source is a 404: the role got through to the controller.
		assertThat(subgerencia.postEmpty("/api/admin/sources/no-such-source/test").statusCode()).isEqualTo(404);

		assertProblem(subgerencia.postEmpty("/api/admin/rules/activate"), 403, "SUBGERENCIA");
		assertProblem(subgerencia.postEmpty("/api/admin/rules/rollback"), 403, "SUBGERENCIA");
		assertProblem(subgerencia.postEmpty("/api/admin/rules/reload"), 403, "SUBGERENCIA");
		assertProblem(subgerencia.fetch("/api/admin/users"), 403, "SUBGERENCIA");
		assertProblem(subgerencia.postJson("/api/admin/users/movilidad/tokens", "{\"name\": \"x\"}"), 403,
				"SUBGERENCIA");
	}

	@Test
	void aProjectOwnerEditsItsOwnGerenciasProjectsAndGets403ForAnotherOne() {
		Api owner = api().as(OWNER, OWNER_PASSWORD);
		long own = api().projectId("P-10-VEHICULOS-ELECTRICOS");
		long other = api().projectId("P-01-TEATRO-SEGURA");

		HttpResponse<String> edited = owner.putJson("/api/projects/" + own,
				form(own, "Piloto de vehículos eléctricos (editado por su gerencia)", null));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(api().get("/api/projects/" + own).get("title").asString())
			.isEqualTo("Piloto de vehículos eléctricos (editado por su gerencia)");

		String before = api().get("/api/projects/" + other).get("title").asString();
		HttpResponse<String> refused = owner.putJson("/api/projects/" + other, form(other, "Tomado", null));
		assertProblem(refused, 403,
				"Solo puede actuar sobre los proyectos de su gerencia (GMU); PROLIMA no es la suya.");
		assertThat(api().get("/api/projects/" + other).get("title").asString()).isEqualTo(before);

		// Nor can it hand its own project to another gerencia, or create one for it.
		assertProblem(owner.putJson("/api/projects/" + own, form(own, "Movido", "PROLIMA")), 403, "PROLIMA");
		assertProblem(owner.postJson("/api/projects", newProject("P-90-AJENO", "GDE")), 403, "GDE");
		assertThat(owner.postJson("/api/projects", newProject("P-91-PROPIO", "GMU")).statusCode()).isEqualTo(201);

		// The subgerencia edits any gerencia's project.
		HttpResponse<String> office = api().as(SUBGERENCIA, SUBGERENCIA_PASSWORD)
			.putJson("/api/projects/" + other, form(other, before, null));
		assertThat(office.statusCode()).as(office.body()).isEqualTo(200);
	}

	@Test
	void adminsManageUsersWithClearSpanishErrorsAndPasswordsAreNeverShown() {
		Api admin = api();
		HttpResponse<String> created = admin.postJson("/api/admin/users",
				user("rosa", "PROJECT_OWNER", "\"GDE\"", "rosa@munlima.gob.pe", "clave-de-rosa-1"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/users/rosa");
		assertThat(admin.json(created).get("gerencia").asString()).isEqualTo("GDE");

		assertProblem(
				admin.postJson("/api/admin/users",
						user("rosa", "PROJECT_OWNER", "\"GDE\"", "otra@munlima.gob.pe", "clave-de-rosa-1")),
				409, "Ya existe el usuario «rosa».");
		assertProblem(
				admin.postJson("/api/admin/users",
						user("rosa2", "PROJECT_OWNER", "\"GDE\"", "ROSA@munlima.gob.pe", "clave-de-rosa-1")),
				409, "Otro usuario ya tiene el correo");
		assertProblem(
				admin.postJson("/api/admin/users",
						user("pedro", "PROJECT_OWNER", "null", "pedro@munlima.gob.pe", "clave-de-pedro")),
				422, "debe estar vinculado a una gerencia");
		assertProblem(
				admin.postJson("/api/admin/users",
						user("pedro", "PROJECT_OWNER", "\"NOPE\"", "pedro@munlima.gob.pe", "clave-de-pedro")),
				422, "No existe la gerencia NOPE.");
		assertProblem(
				admin.postJson("/api/admin/users",
						user("pedro", "SUBGERENCIA", "\"GDE\"", "pedro@munlima.gob.pe", "clave-de-pedro")),
				422, "el rol SUBGERENCIA actúa sobre todas");
		assertProblem(
				admin.postJson("/api/admin/users",
						user("pedro", "SUBGERENCIA", "null", "pedro@munlima.gob.pe", "corta")),
				422, "al menos 10 caracteres");

		HttpResponse<String> malformed = admin.postJson("/api/admin/users",
				user("p", "SUBGERENCIA", "null", "no-es-correo", "clave-de-pedro"));
		JsonNode problem = assertProblem(malformed, 400, "La solicitud tiene datos no válidos:");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username", "email");
		assertThat(problem.get("detail").asString()).contains("email: debe ser una dirección de correo");
		assertProblem(admin.postJson("/api/admin/users", "{\"username\": \"x\", \"role\": \"JEFE\"}"), 400,
				"No se pudo leer el cuerpo de la solicitud");

		HttpResponse<String> list = admin.fetch("/api/admin/users");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"rosa\"").doesNotContainIgnoringCase("password").doesNotContain("bcrypt");
		String hash = this.jdbc.sql("select password_hash from app_user where username = 'rosa'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("clave-de-rosa-1");

		// Moved to the subgerencia: the gerencia goes; then disabled: she can no longer
		// log in.
		HttpResponse<String> promoted = admin.putJson("/api/admin/users/rosa", "{\"role\": \"SUBGERENCIA\"}");
		assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
		assertThat(admin.json(promoted).get("gerencia").isNull()).isTrue();
		assertThat(api().as("rosa", "clave-de-rosa-1").fetch("/api/me").statusCode()).isEqualTo(200);
		assertThat(admin.putJson("/api/admin/users/rosa", "{\"enabled\": false}").statusCode()).isEqualTo(200);
		assertProblem(api().as("rosa", "clave-de-rosa-1").fetch("/api/me"), 401, "no válidos");

		assertProblem(admin.putJson("/api/admin/users/nadie", "{\"enabled\": false}"), 404,
				"No existe el usuario «nadie».");
		assertProblem(admin.putJson("/api/admin/users/admin", "{\"role\": \"SUBGERENCIA\"}"), 422,
				"es el último administrador activo");
	}

	@Test
	void usersSeeThemselvesAndChangeTheirOwnPassword() {
		api().user("lucia", "PROJECT_OWNER", "GSC");
		Api lucia = api().as("lucia", "lucia-password");
		JsonNode me = lucia.get("/api/me");
		assertThat(me.get("role").asString()).isEqualTo("PROJECT_OWNER");
		assertThat(me.get("gerencia").asString()).isEqualTo("GSC");
		assertThat(me.get("gerenciaName").asString()).isEqualTo("Gerencia de Seguridad Ciudadana");
		assertThat(me.has("password")).isFalse();

		assertProblem(
				lucia.putJson("/api/me/password",
						"{\"currentPassword\": \"equivocada\", \"newPassword\": \"nueva-clave-de-lucia\"}"),
				422, "La contraseña actual no es correcta.");
		HttpResponse<String> changed = lucia.putJson("/api/me/password",
				"{\"currentPassword\": \"lucia-password\", \"newPassword\": \"nueva-clave-de-lucia\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		assertThat(lucia.fetch("/api/me").statusCode()).isEqualTo(401);
		assertThat(api().as("lucia", "nueva-clave-de-lucia").fetch("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void aPersonalTokenActsAsItsUserUntilRevokedAndIsStoredOnlyAsAHash() {
		api().user("script", "SUBGERENCIA", null);
		HttpResponse<String> issued = api().postJson("/api/admin/users/script/tokens",
				"{\"name\": \"informe semanal\", \"validDays\": 30}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String token = api().json(issued).get("token").asString();
		long id = api().json(issued).get("details").get("id").asLong();
		assertThat(token).startsWith("cvk_");

		Api script = api().withToken(token);
		assertThat(script.get("/api/me").get("username").asString()).isEqualTo("script");
		assertThat(script.fetch("/api/admin/index").statusCode()).isEqualTo(200);
		assertProblem(script.postEmpty("/api/admin/rules/activate"), 403, "SUBGERENCIA");
		assertThat(api().fetch("/api/admin/users/script/tokens").body()).doesNotContain(token)
			.contains("informe semanal");
		assertThat(this.jdbc.sql("select count(*) from api_token where token_hash = ?")
			.param(ApiTokens.sha256(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from api_token where token_hash = ? or prefix = ?")
			.params(token, token)
			.query(Long.class)
			.single()).isZero();

		assertThat(api().delete("/api/admin/users/script/tokens/" + id).statusCode()).isEqualTo(204);
		assertProblem(script.fetch("/api/me"), 401, "no válidos");
		assertProblem(api().withToken("cvk_inventado").fetch("/api/me"), 401, "no válidos");
	}

	/**
	 * Issue 14's decision: a password change ends every other way in as that user, API
	 * tokens as well as sessions — the user's own change and an administrator's reset.
	 */
	@Test
	void aPasswordChangeRevokesTheUsersApiTokens() {
		Api tomas = api().user("tomas", "PROJECT_OWNER", "GMU");
		String first = api().json(api().postJson("/api/admin/users/tomas/tokens", "{\"name\": \"informe\"}"))
			.get("token")
			.asString();
		assertThat(api().withToken(first).fetch("/api/me").statusCode()).isEqualTo(200);

		HttpResponse<String> changed = tomas.putJson("/api/me/password",
				"{\"currentPassword\": \"tomas-password\", \"newPassword\": \"nueva-clave-de-tomas\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		assertProblem(api().withToken(first).fetch("/api/me"), 401, "no válidos");

		String second = api().json(api().postJson("/api/admin/users/tomas/tokens", "{\"name\": \"otro\"}"))
			.get("token")
			.asString();
		assertThat(api().withToken(second).fetch("/api/me").statusCode()).isEqualTo(200);
		assertThat(api().putJson("/api/admin/users/tomas", "{\"password\": \"clave-repuesta-de-tomas\"}").statusCode())
			.isEqualTo(200);
		assertProblem(api().withToken(second).fetch("/api/me"), 401, "no válidos");
		assertThat(api().get("/api/admin/users/tomas/tokens"))
			.allSatisfy(token -> assertThat(token.get("revokedAt").isNull()).isFalse());
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefusedAndLogsNobodyIn() {
		PageSession browser = new PageSession(this.port);
		HttpResponse<String> forged = browser.postForm("/login",
				Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).as("still anonymous: sent to the login page").isEqualTo(302);

		assertThat(browser.logIn(Api.ADMIN, Api.ADMIN_PASSWORD)).isTrue();
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		// The API accepts the page session for reads, and for writes only with the token.
		assertThat(browser.get("/api/me").body()).contains("\"username\":\"admin\"");
		HttpResponse<String> write = browser.send(HttpRequest.newBuilder(browser.uri("/api/admin/matches/rematch"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(write.body()).contains("Falta el token CSRF");
		String token = browser.csrfToken("/");
		HttpResponse<String> withToken = browser.send(HttpRequest.newBuilder(browser.uri("/api/admin/matches/rematch"))
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
	}

	@Test
	void aDisabledUsersOpenSessionEndsAtItsNextRequestAndARoleChangeAppliesAtOnce() {
		api().user("mateo", "SUBGERENCIA", null);
		PageSession browser = new PageSession(this.port);
		assertThat(browser.logIn("mateo", "mateo-password")).isTrue();
		assertThat(browser.get("/api/admin/index").statusCode()).isEqualTo(200);

		api().putJson("/api/admin/users/mateo", "{\"role\": \"PROJECT_OWNER\", \"gerencia\": \"GDU\"}");
		assertThat(browser.get("/api/admin/index").statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		api().putJson("/api/admin/users/mateo", "{\"enabled\": false}");
		HttpResponse<String> after = browser.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void pagesAndApiCarryTheSecurityHeaders() {
		for (HttpResponse<String> response : List.of(new PageSession(this.port).get("/login"),
				api().fetch("/api/calls"))) {
			assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS only over https").isEmpty();
		}
	}

	@Test
	void healthTellsAnyoneTheStatusAndOnlyAdminsTheDetails() {
		JsonNode anonymous = api().json(api().anonymous().fetch("/actuator/health"));
		assertThat(anonymous.get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
		assertThat(api().as(OWNER, OWNER_PASSWORD).fetch("/actuator/health").body()).doesNotContain("components");
		assertThat(api().get("/actuator/health").get("components").has("db")).isTrue();
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).contains(detail);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	/** The project as a form, with a new title and, optionally, another gerencia. */
	private String form(long id, String title, String gerencia) {
		ObjectNode project = (ObjectNode) api().get("/api/projects/" + id);
		project.put("gerencia", gerencia == null ? project.get("gerencia").get("code").asString() : gerencia);
		project.put("title", title);
		project.remove("id");
		return project.toString();
	}

	private static String newProject(String code, String gerencia) {
		return String.format(Locale.ROOT, """
				{"code": "%s", "gerencia": "%s", "title": "Proyecto de prueba", "description": "Prueba.",
				 "themes": ["mobility"], "budget": 100000, "requestedAmount": 50000, "currency": "USD",
				 "coFinancingAvailable": 10000, "durationMonths": 12}
				""", code, gerencia);
	}

	private static String user(String username, String role, String gerencia, String email, String password) {
		return String.format(Locale.ROOT, """
				{"username": "%s", "displayName": "Usuaria de prueba", "email": "%s", "role": "%s",
				 "gerencia": %s, "password": "%s"}
				""", username, email, role, gerencia, password);
	}

}
