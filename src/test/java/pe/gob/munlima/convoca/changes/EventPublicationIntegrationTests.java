package pe.gob.munlima.convoca.changes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event publication registry on the real PostgreSQL: a module listener that fails is
 * handed the event again until it completes, and a publication a stopped node left behind
 * (written as V76 writes the alerts' pending events) is taken for lost and handed over.
 */
@SpringBootTest
@Import(EventPublicationIntegrationTests.Listeners.class)
class EventPublicationIntegrationTests {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory
		.getLogger(EventPublicationIntegrationTests.class);

	static final Path WORK = TestWorkspace.create("convoca-events-it");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.events.retry-interval", () -> "200ms");
		registry.add("convoca.events.stale", () -> "1m");
	}

	@Autowired
	CallIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FailingOnce failingOnce;

	@Autowired
	Recorder recorder;

	@Test
	void aListenerThatFailsIsRetriedUntilItCompletes() {
		this.intake.ingest(
				new SourceInfo("fondo-reintento", "Fondo Reintento", "es", java.time.ZoneId.of("America/Lima")),
				List.of(new RawCall("r-1", "Agua potable para barrios de Lima", "https://fondo.example.org/r-1",
						"<p>Subvenciones para agua potable.</p>", Instant.parse("2026-11-20T00:00:00Z"))));
		long callId = this.jdbc.sql("SELECT id FROM call WHERE external_id = 'r-1'").query(Long.class).single();

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> this.failingOnce.completed(callId));
		assertThat(this.failingOnce.attempts(callId)).as("failed once, then retried").isEqualTo(2);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> publications(FailingOnce.ID) == 0);
	}

	/**
	 * The path a call takes: judged before its intake returns (the matcher listens in the
	 * storing thread), every verdict heard by the alerts moments later. The times are
	 * logged for docs/performance.md.
	 */
	@Test
	void aStoredCallIsJudgedBeforeItsIntakeReturnsAndItsVerdictsReachTheAlertsWithinSeconds() {
		long started = System.nanoTime();
		this.intake.ingest(new SourceInfo("fondo-medido", "Fondo Medido", "es", java.time.ZoneId.of("America/Lima")),
				List.of(new RawCall("m-1", "Ciclovías y movilidad urbana sostenible en ciudades andinas",
						"https://fondo.example.org/m-1",
						"<p>Subvenciones para ciclovías y movilidad urbana sostenible.</p>"
								+ "<p>Pueden postular municipalidades de América Latina.</p>"
								+ "<p>Aporte de hasta EUR 300.000 por ciudad.</p><p>Fecha límite: 15 de marzo de 2027.</p>",
						Instant.parse("2026-11-20T00:00:00Z"))));
		long judged = System.nanoTime();
		long callId = this.jdbc.sql("SELECT id FROM call WHERE external_id = 'm-1'").query(Long.class).single();
		long matches = this.jdbc.sql("SELECT count(*) FROM match WHERE call_id = ?")
			.param(callId)
			.query(Long.class)
			.single();
		assertThat(matches).as("judged when the intake returned").isPositive();

		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM alert_match WHERE call_id = ? AND judged_at IS NOT NULL")
				.param(callId)
				.query(Long.class)
				.single() == matches);
		long heard = System.nanoTime();
		log.info("Call stored and judged against the portfolio in {} ms ({} verdicts); all heard by the alerts {} ms "
				+ "later", (judged - started) / 1_000_000, matches, (heard - judged) / 1_000_000);
	}

	@Test
	void aPublicationLeftByAStoppedNodeIsHandedOverAgain() {
		// As V76 turns an alert event nobody acted on into a publication, and as a node
		// that
		// stopped with the event queued leaves it: published long ago, never completed.
		this.jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               status, completion_attempts)
				VALUES (gen_random_uuid(), ?, 'pe.gob.munlima.convoca.call.CallStored',
				        jsonb_build_object('callId', 424242, 'change', 'UPDATED',
				                           'changes', CAST('[{"field":"deadline","before":"a","after":"b"}]' AS JSONB),
				                           'at', '2026-11-24T15:00:00.000000Z')::text,
				        now() - interval '2 minutes', 'PUBLISHED', 0)
				""").param(Recorder.ID).update();

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !this.recorder.heard().isEmpty());
		CallStored heard = this.recorder.heard().get(0);
		assertThat(heard.callId()).isEqualTo(424242);
		assertThat(heard.change()).isEqualTo(CallStored.Change.UPDATED);
		assertThat(heard.changes()).singleElement().satisfies(change -> {
			assertThat(change.field()).isEqualTo("deadline");
			assertThat(change.after()).isEqualTo("b");
		});
		assertThat(heard.at()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> publications(Recorder.ID) == 0);
	}

	private long publications(String listenerId) {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE listener_id = ?")
			.param(listenerId)
			.query(Long.class)
			.single();
	}

	@TestConfiguration
	static class Listeners {

		@Bean
		FailingOnce failingOnce() {
			return new FailingOnce();
		}

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	/**
	 * Fails the first time it hears of a call, completes the second time. (Read through
	 * its methods: the bean is a proxy.)
	 */
	static class FailingOnce {

		static final String ID = "test.failing-once";

		final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();

		final List<Long> completed = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener(id = ID)
		void on(CallStored event) {
			if (this.attempts.computeIfAbsent(event.callId(), id -> new AtomicInteger()).incrementAndGet() == 1) {
				throw new IllegalStateException("the database went away for a moment");
			}
			this.completed.add(event.callId());
		}

		boolean completed(long callId) {
			return this.completed.contains(callId);
		}

		int attempts(long callId) {
			AtomicInteger attempts = this.attempts.get(callId);
			return attempts == null ? 0 : attempts.get();
		}

	}

	/** Records what it hears, only for the publication the test leaves behind. */
	static class Recorder {

		static final String ID = "test.recorder";

		final List<CallStored> heard = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener(id = ID, condition = "#event.callId() == 424242")
		void on(CallStored event) {
			this.heard.add(event);
		}

		List<CallStored> heard() {
			return this.heard;
		}

	}

}
