package pe.gob.munlima.convoca;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running application for the tracking and report tests (one Spring context, one
 * embedded PostgreSQL): demo data and demo applications loaded on 24 November 2026, and a
 * clock the tests move to build a data set over weeks through the real API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TrackingContextTestSupport.Clocks.class)
public abstract class TrackingContextTestSupport {

	static final Path WORK = TestWorkspace.create("convoca-tracking-it");

	/** Demo users of README. */
	public static final String SUBGERENCIA = WebContextTestSupport.SUBGERENCIA;

	public static final String SUBGERENCIA_PASSWORD = WebContextTestSupport.SUBGERENCIA_PASSWORD;

	/** Project owner of the Gerencia de Movilidad Urbana (GMU). */
	public static final String OWNER = WebContextTestSupport.OWNER;

	public static final String OWNER_PASSWORD = WebContextTestSupport.OWNER_PASSWORD;

	/** When the application starts and loads its demo data. */
	public static final Instant START = Instant.parse("2026-11-24T15:00:00Z");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	/** Every stage change the tracking module published, as alerts would receive them. */
	@Autowired
	protected StageChanges stageChanges;

	protected Api api() {
		return new Api(this.port);
	}

	/** Imports an Atom feed as the office does with one received by e-mail. */
	protected JsonNode importFeed(String source, String funder, String atom) {
		String boundary = "convoca-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + source
				+ ".xml\"\r\nContent-Type: application/atom+xml\r\n\r\n" + atom + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"funder\"\r\n\r\n" + funder + "\r\n--" + boundary
				+ "--\r\n";
		Api api = api();
		HttpResponse<String> response = api
			.send(HttpRequest.newBuilder(api.uri("/api/admin/calls/import?source=" + source))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return api.json(response);
	}

	private static final java.util.concurrent.atomic.AtomicInteger PROJECTS = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * Creates a project of {@code gerencia} through the API (matched at once against the
	 * open calls) and answers its code.
	 * @param themes JSON array of theme ids, e.g. {@code ["mobility"]}
	 */
	protected String newProject(String gerencia, String themes, long requestedUsd) {
		String code = "T-" + gerencia + "-" + PROJECTS.incrementAndGet();
		HttpResponse<String> created = api().postJson("/api/projects", String.format(java.util.Locale.ROOT, """
				{"code": "%s", "gerencia": "%s", "title": "Buses eléctricos de prueba %s",
				 "description": "Movilidad urbana sostenible con buses eléctricos y acción climática.",
				 "themes": %s, "budget": %d, "requestedAmount": %d, "currency": "USD",
				 "coFinancingAvailable": %d, "durationMonths": 24, "languages": ["es"]}
				""", code, gerencia, code, themes, requestedUsd * 3, requestedUsd, requestedUsd));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return code;
	}

	/**
	 * The id of the match of a new project of {@code gerencia} with the call titled so.
	 */
	protected long newMatch(String gerencia, String themes, long requestedUsd, String callTitle) {
		return match(api().callId(callTitle), newProject(gerencia, themes, requestedUsd)).get("matchId").asLong();
	}

	/** The stored match of a call and a project (by code), as the match API lists it. */
	protected JsonNode match(long callId, String projectCode) {
		return Api.matchFor(api().get("/api/projects/" + api().projectId(projectCode) + "/matches"), callId);
	}

	/** Moves an application; the response must be 200. */
	protected JsonNode move(Api as, long matchId, String body) {
		HttpResponse<String> response = as.postJson("/api/applications/" + matchId + "/transitions", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return as.json(response);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

		@Bean
		StageChanges stageChanges() {
			return new StageChanges();
		}

	}

	/**
	 * Listens to the tracking module's public event like another module would. Not final:
	 * the event publication registry's completion advice proxies every after-commit
	 * listener (read it through its methods).
	 */
	public static class StageChanges {

		private final java.util.List<pe.gob.munlima.convoca.tracking.ApplicationStageChanged> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@org.springframework.transaction.event.TransactionalEventListener
		void on(pe.gob.munlima.convoca.tracking.ApplicationStageChanged event) {
			this.received.add(event);
		}

		/** The changes of one match, in the order they were committed. */
		public java.util.List<pe.gob.munlima.convoca.tracking.ApplicationStageChanged> of(long matchId) {
			return this.received.stream().filter(event -> event.matchId() == matchId).toList();
		}

	}

}
