package pe.gob.munlima.convoca.alert;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.MutableClock;
import pe.gob.munlima.convoca.SmtpTestServer;
import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running application for every alert test (one Spring context, one embedded
 * PostgreSQL): the demo portfolio and users, a real SMTP server on loopback (GreenMail),
 * a movable clock starting on Tuesday 24 November 2026, a fixed HTTP port (the e-mails'
 * links point at it, so a test can open them), and short outbox timings. The scheduled
 * jobs never fire by themselves; a test fires what it needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(AlertTestSupport.Clocks.class)
abstract class AlertTestSupport {

	static final Instant START = Instant.parse("2026-11-24T15:00:00Z");

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	static final Path WORK = TestWorkspace.create("convoca-alert-it");

	static final int PORT = SmtpTestServer.freePort();

	static final SmtpTestServer SMTP = new SmtpTestServer(SmtpTestServer.freePort());

	static final String NEVER = "0 0 8 1 1 ? 2099";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("server.port", () -> PORT);
		SMTP.register(registry);
		registry.add("convoca.alerts.base-url", () -> "http://localhost:" + PORT);
		registry.add("convoca.alerts.digest.cron", () -> NEVER);
		registry.add("convoca.alerts.saved-searches.cron", () -> NEVER);
		registry.add("convoca.alerts.reminders.cron", () -> NEVER);
	}

	@Autowired
	MutableClock clock;

	@Autowired
	CallIntake intake;

	@Autowired
	JdbcClient jdbc;

	final Api api = new Api(PORT);

	@BeforeEach
	void resetMail() throws Exception {
		SMTP.ensureRunning();
		SMTP.mail().purgeEmailFromAllMailboxes();
		this.clock.set(START);
	}

	/**
	 * Stores calls as a source would; matching runs when each is stored, and this returns
	 * once the alerts heard the calls and their verdicts (they listen asynchronously).
	 */
	IntakeResult store(String source, String funder, RawCall... calls) {
		IntakeResult result = this.intake.ingest(new SourceInfo(source, funder, "es", LIMA), List.of(calls));
		assertThat(result.errors()).isEmpty();
		awaitListeners();
		return result;
	}

	/**
	 * Waits until every module listener completed what was published so far: a completed
	 * publication is deleted, so none is left.
	 */
	void awaitListeners() {
		Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single() == 0);
	}

	static RawCall call(String id, String title, String summaryHtml) {
		return new RawCall(id, title, "https://fondo.example.org/" + id, summaryHtml, START.minusSeconds(86_400));
	}

	long callId(String externalId) {
		return this.jdbc.sql("SELECT id FROM call WHERE external_id = ?").param(externalId).query(Long.class).single();
	}

	/**
	 * The messages delivered to {@code address}, waiting until there are {@code count}.
	 */
	List<MimeMessage> awaitMail(String address, int count) {
		return SMTP.await(address, count);
	}

	/**
	 * Asserts that {@code condition} holds all along {@code window}: the proof that
	 * nothing more happens (no second delivery), which no event could signal.
	 */
	static void holdsFor(java.time.Duration window, java.util.concurrent.Callable<Boolean> condition) {
		SmtpTestServer.holdsFor(window, condition);
	}

	List<MimeMessage> to(String address) {
		return SMTP.to(address);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

	}

}
