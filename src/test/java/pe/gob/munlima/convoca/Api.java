package pe.gob.munlima.convoca;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small client of the service's REST API, over real HTTP, for integration tests. It
 * authenticates with HTTP Basic: as the test administrator by default (TestWorkspace
 * configures it), as another user with {@link #as(String, String)}, or not at all with
 * {@link #anonymous()}.
 */
public final class Api {

	/** The administrator every test context configures (TestWorkspace). */
	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	/** The Authorization header value; null = anonymous. */
	private final String authorization;

	public Api(int port) {
		this(port, basic(ADMIN, ADMIN_PASSWORD));
	}

	private Api(int port, String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	/** The same client, authenticated as another user. */
	public Api as(String username, String password) {
		return new Api(this.port, basic(username, password));
	}

	/** The same client with a personal API token. */
	public Api withToken(String token) {
		return new Api(this.port, "Bearer " + token);
	}

	public Api anonymous() {
		return new Api(this.port, null);
	}

	/**
	 * Creates a user through the admin API (if it does not exist yet) and answers a
	 * client authenticated as that user; its password is {@code <username>-password}.
	 */
	public Api user(String username, String role, String gerencia) {
		String body = "{\"username\": \"" + username + "\", \"displayName\": \"" + username + "\", \"email\": \""
				+ username + "@example.test\", \"role\": \"" + role + "\", \"gerencia\": "
				+ (gerencia == null ? "null" : "\"" + gerencia + "\"") + ", \"password\": \"" + username
				+ "-password\"}";
		HttpResponse<String> created = new Api(this.port).postJson("/api/admin/users", body);
		assertThat(created.statusCode()).as("create user %s: %s", username, created.body()).isIn(201, 409);
		return as(username, username + "-password");
	}

	public JsonNode get(String path) {
		return get(path, "es");
	}

	public JsonNode get(String path, String language) {
		return ok("GET", path, send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).build()));
	}

	/** A GET whatever its status. */
	public HttpResponse<String> fetch(String path) {
		return send(HttpRequest.newBuilder(uri(path)).build());
	}

	/** A POST without body that must answer 200. */
	public JsonNode post(String path) {
		return ok("POST", path, postEmpty(path));
	}

	public HttpResponse<String> postEmpty(String path) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	public HttpResponse<String> postJson(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	public HttpResponse<String> putJson(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	/** A plain-text PUT, such as a rule file. */
	public HttpResponse<String> put(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "text/plain; charset=utf-8")
			.PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	public HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
	}

	/** A GET of a binary download (an XLSX file), whatever its status. */
	public HttpResponse<byte[]> download(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body of a plain-text GET, such as a rule file. */
	public String text(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).build());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	/**
	 * {@code POST /api/admin/calls/import}: a multipart form with the file, the funder
	 * and the source id, as the office's import page sends it.
	 */
	public HttpResponse<String> importFeed(String fileName, String contentType, byte[] file, String funder,
			String source) {
		String boundary = "----b" + java.util.UUID.randomUUID().toString().replace("-", "");
		StringBuilder fields = new StringBuilder();
		for (String[] field : new String[][] { { "funder", funder }, { "source", source } }) {
			fields.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(field[0])
				.append("\"\r\n\r\n")
				.append(field[1])
				.append("\r\n");
		}
		fields.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: ")
			.append(contentType)
			.append("\r\n\r\n");
		byte[] head = fields.toString().getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		return send(HttpRequest.newBuilder(uri("/api/admin/calls/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	/**
	 * Imports one call as an Atom entry of its own source ({@code correo-<id>}), as the
	 * office does with a call received by e-mail, and returns its id once it is
	 * searchable. Give each call its own subject and dates, or it is taken for one
	 * already stored.
	 */
	public long importCall(String id, String title, String summary) {
		byte[] feed = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
				+ "<title>correo</title><id>urn:test:" + id + ":feed</id><updated>2026-11-20T00:00:00Z</updated>"
				+ "<entry><title>" + title + "</title><id>urn:test:" + id + "</id><link href=\"https://example.org/"
				+ id + "\"/><updated>2026-11-20T00:00:00Z</updated><summary>" + summary + "</summary></entry></feed>")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> imported = importFeed(id + ".xml", "application/atom+xml", feed, "Fundación Ejemplo",
				"correo-" + id);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		JsonNode hits = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.pollInterval(java.time.Duration.ofMillis(50))
			.until(() -> get("/api/calls/search?q=&source=correo-" + id).get("hits"), found -> !found.isEmpty());
		return hits.get(0).get("id").asLong();
	}

	/** Sends the request with this client's credentials (unless it has its own). */
	public HttpResponse<String> send(HttpRequest request) {
		HttpRequest authenticated = request;
		if (this.authorization != null && request.headers().firstValue("Authorization").isEmpty()) {
			authenticated = HttpRequest.newBuilder(request, (name, value) -> true)
				.header("Authorization", this.authorization)
				.build();
		}
		try {
			return this.http.send(authenticated, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

	public static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private JsonNode ok(String method, String path, HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
		return json(response);
	}

}
