package pe.gob.munlima.convoca;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A small client of the service's REST API, over real HTTP, for integration tests. */
public final class Api {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	public Api(int port) {
		this.port = port;
	}

	public JsonNode get(String path) {
		return get(path, "es");
	}

	public JsonNode get(String path, String language) {
		return ok("GET", path, send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).build()));
	}

	public JsonNode post(String path) {
		return ok("POST", path, post(path, "admin"));
	}

	public HttpResponse<String> post(String path, String user) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("X-Convoca-User", user)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	public HttpResponse<String> postJson(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	public HttpResponse<String> put(String path, String body, String user) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("X-Convoca-User", user)
			.header("Content-Type", "text/plain; charset=utf-8")
			.PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	public HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
	}

	/** The body of a plain-text GET, such as a rule file. */
	public String text(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).build());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	public long projectId(String code) {
		for (JsonNode project : get("/api/projects")) {
			if (code.equals(project.get("code").asString())) {
				return project.get("id").asLong();
			}
		}
		throw new AssertionError("no project " + code);
	}

	public long callId(String titleStart) {
		for (JsonNode hit : get("/api/calls?size=100").get("hits")) {
			if (hit.get("title").asString().startsWith(titleStart)) {
				return hit.get("id").asLong();
			}
		}
		throw new AssertionError("no call " + titleStart);
	}

	public static JsonNode matchFor(JsonNode matches, long callId) {
		for (JsonNode match : matches) {
			if (match.get("callId").asLong() == callId) {
				return match;
			}
		}
		throw new AssertionError("no match for call " + callId + " in " + matches);
	}

	private JsonNode ok(String method, String path, HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
		return json(response);
	}

}
