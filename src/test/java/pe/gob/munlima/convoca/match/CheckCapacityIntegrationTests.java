package pe.gob.munlima.convoca.match;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.WebContextTestSupport;
import pe.gob.munlima.convoca.project.ProjectFixtures;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "¿Mi proyecto califica?" beyond capacity, with the real service: while every turn is
 * taken (held by a latch) and more checks wait for one, a check is answered 503
 * problem+json with Retry-After and the page says so keeping the form, health answers at
 * once, and once the turns are free the same check is answered.
 */
class CheckCapacityIntegrationTests extends WebContextTestSupport {

	/** Checks sent while the turns are taken: they hold web server threads meanwhile. */
	private static final int CROWD = 8;

	@Autowired
	CheckGate gate;

	@Autowired
	CheckProperties limits;

	@Test
	void aSaturatedServiceRefusesChecksWithRetryAfterAndHealthStillAnswers() throws Exception {
		Api owner = api().as(OWNER, OWNER_PASSWORD);
		assertThat(owner.postJson("/api/eligibility/check", ProjectFixtures.VALID_PROJECT).statusCode())
			.as("answered while there is room")
			.isEqualTo(200);

		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newCachedThreadPool();
		try {
			for (int i = 0; i < this.limits.maxConcurrent(); i++) {
				threads.submit(() -> this.gate.admit(() -> {
					try {
						return release.await(2, TimeUnit.MINUTES);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return false;
					}
				}));
			}
			await().atMost(10, TimeUnit.SECONDS).until(() -> this.gate.running() == this.limits.maxConcurrent());

			List<Future<HttpResponse<String>>> crowd = new ArrayList<>();
			for (int i = 0; i < CROWD; i++) {
				crowd
					.add(threads.submit(() -> owner.postJson("/api/eligibility/check", ProjectFixtures.VALID_PROJECT)));
			}
			await().atMost(20, TimeUnit.SECONDS).until(() -> this.gate.waiting() > 0);

			// Health neither waits for a turn nor for a pooled connection the checks
			// hold.
			long asked = System.nanoTime();
			HttpResponse<String> health = api().anonymous().fetch("/actuator/health");
			Duration took = Duration.ofNanos(System.nanoTime() - asked);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
			// The 1 s of the target is measured by CapacityBenchmark; here the bound only
			// has to tell "answered beside the checks" from "queued behind them".
			assertThat(took).isLessThan(Duration.ofSeconds(5));

			for (Future<HttpResponse<String>> sent : crowd) {
				HttpResponse<String> refused = sent.get(30, TimeUnit.SECONDS);
				assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
				assertThat(refused.headers().firstValue("Retry-After"))
					.hasValue(Long.toString(this.limits.retryAfter().toSeconds()));
				assertThat(refused.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				JsonNode problem = owner.json(refused);
				assertThat(problem.get("title").asString()).isEqualTo("Servicio no disponible");
				assertThat(problem.get("detail").asString())
					.isEqualTo("Hay demasiadas evaluaciones de elegibilidad en curso; inténtelo de nuevo en "
							+ this.limits.retryAfter().toSeconds() + " segundos.");
			}

			PageSession page = new PageSession(this.port);
			assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();
			HttpResponse<String> form = page.postForm("/proyectos/califica",
					Map.of("_csrf", page.csrfToken("/proyectos/califica"), "gerencia", "GMU", "title",
							"Ciclovías para Lima Norte", "description", "Red de ciclovías.", "themes", "mobility",
							"budget", "1000000", "requestedAmount", "500000", "currency", "PEN", "coFinancingAvailable",
							"100000", "durationMonths", "24"));
			assertThat(form.statusCode()).isEqualTo(503);
			assertThat(form.headers().firstValue("Retry-After")).isPresent();
			assertThat(form.body()).contains("id=\"check-busy\"")
				.contains("Hay demasiadas evaluaciones en curso")
				.as("the form comes back with what was sent")
				.contains("para Lima Norte\">");
		}
		finally {
			release.countDown();
			threads.shutdown();
			threads.awaitTermination(30, TimeUnit.SECONDS);
		}

		HttpResponse<String> answered = owner.postJson("/api/eligibility/check", ProjectFixtures.VALID_PROJECT);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(this.gate.running()).isZero();
	}

	@Test
	void aCallStoredAfterTheOpenCallsWereReadIsJudgedByTheNextCheck() {
		Api owner = api().as(OWNER, OWNER_PASSWORD);
		// The open calls are in memory from here on.
		assertThat(owner.postJson("/api/eligibility/check", ProjectFixtures.VALID_PROJECT).statusCode()).isEqualTo(200);

		String title = "Fondo de ciclovías y movilidad urbana sostenible para gobiernos locales " + System.nanoTime();
		String feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Correo</title><link>http://127.0.0.1/</link><description>d</description>
				<item><title>TITLE</title><link>http://127.0.0.1/ciclovias-capacidad</link><guid>ciclovias-capacidad</guid>
				<description>Pueden postular municipalidades y gobiernos locales de América Latina con proyectos de
				movilidad urbana, ciclovías y transporte público sostenible.</description></item>
				</channel></rss>
				"""
			.replace("TITLE", title);
		String boundary = "convoca-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"correo.xml\"\r\n"
				+ "Content-Type: application/rss+xml\r\n\r\n" + feed + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"funder\"\r\n\r\nFondo de prueba\r\n--" + boundary
				+ "--\r\n";
		Api admin = api();
		HttpResponse<String> imported = admin
			.send(java.net.http.HttpRequest.newBuilder(admin.uri("/api/admin/calls/import?source=capacidad"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8))
				.build());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(admin.json(imported).get("created").asInt()).isEqualTo(1);

		HttpResponse<String> checked = owner.postJson("/api/eligibility/check", ProjectFixtures.VALID_PROJECT);
		assertThat(checked.statusCode()).isEqualTo(200);
		assertThat(owner.json(checked).findValuesAsString("callTitle")).contains(title);
	}

}
