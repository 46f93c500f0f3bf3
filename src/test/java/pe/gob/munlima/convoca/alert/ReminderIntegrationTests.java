package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline reminders of an application in stage "postulando", with the clock moved day by
 * day: 14, 7 and 2 days before the deadline, each once, to the gerencia's project owner
 * and the office list.
 */
class ReminderIntegrationTests extends AlertTestSupport {

	private static final String TITLE = "Buses eléctricos y ciclovías para capitales latinoamericanas";

	@Autowired
	DeadlineReminders reminders;

	@Test
	void remindersGoOutFourteenSevenAndTwoDaysBeforeTheDeadlineEachOnce() throws Exception {
		store("fondo-recordatorios", "Fondo Recordatorios", call("recordatorio", TITLE,
				"<p>Ciclovías, buses eléctricos y movilidad urbana sostenible.</p>"
						+ "<p>Pueden postular municipalidades de América Latina.</p>"
						+ "<p>Fecha límite: 31 de diciembre de 2026.</p>"));
		long matchId = this.jdbc
			.sql("SELECT m.id FROM match m JOIN project p ON p.id = m.project_id WHERE m.call_id = ? "
					+ "AND p.code = 'P-11-CICLOVIAS'")
			.param(callId("recordatorio"))
			.query(Long.class)
			.single();
		this.api.postJson("/api/admin/alerts/recipients", "{\"email\": \"plazos@munlima.gob.pe\"}");
		assertThat(this.api.postJson("/api/applications/" + matchId + "/transitions", "{\"to\": \"EVALUATING\"}")
			.statusCode()).isEqualTo(200);
		assertThat(this.api.postJson("/api/applications/" + matchId + "/transitions", "{\"to\": \"APPLYING\"}")
			.statusCode()).isEqualTo(200);

		runOn("2026-12-10T15:00:00Z");
		runOn("2026-12-17T15:00:00Z");
		assertThat(reminders("plazos@munlima.gob.pe", 1)).containsExactly("14");
		runOn("2026-12-17T20:00:00Z");
		runOn("2026-12-20T15:00:00Z");
		runOn("2026-12-24T15:00:00Z");
		assertThat(reminders("plazos@munlima.gob.pe", 2)).containsExactly("14", "7");
		runOn("2026-12-29T15:00:00Z");
		runOn("2026-12-30T15:00:00Z");
		runOn("2027-01-02T15:00:00Z");
		assertThat(reminders("plazos@munlima.gob.pe", 3)).containsExactly("14", "7", "2");
		assertThat(reminders("movilidad@convoca.local", 3)).containsExactly("14", "7", "2");
		Thread.sleep(800);
		assertThat(reminders("plazos@munlima.gob.pe", 3)).as("each once").hasSize(3);
		MimeMessage last = to("plazos@munlima.gob.pe").stream()
			.filter(m -> subject(m).contains(TITLE))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(last.getSubject()).isEqualTo("Convoca: faltan 2 días para el cierre de «" + TITLE + "»");
		assertThat(DigestIntegrationTests.part(last, "text/plain")).contains("31/12/2026").contains("P-11-CICLOVIAS");
	}

	@Test
	void theMostUrgentReminderIsTheOneThatApplies() {
		List<Integer> days = List.of(14, 7, 2);
		assertThat(DeadlineReminders.threshold(20, days)).isEmpty();
		assertThat(DeadlineReminders.threshold(14, days)).contains(14);
		assertThat(DeadlineReminders.threshold(10, days)).contains(14);
		assertThat(DeadlineReminders.threshold(5, days)).contains(7);
		assertThat(DeadlineReminders.threshold(0, days)).contains(2);
		assertThat(DeadlineReminders.threshold(-1, days)).isEmpty();
	}

	private void runOn(String instant) {
		this.clock.set(Instant.parse(instant));
		this.reminders.run();
		this.worker.nudge();
	}

	/** The days-before of the reminders of this test's call that {@code address} got. */
	private List<String> reminders(String address, int count) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> mine(address).size() >= count);
		return mine(address).stream().map(m -> subject(m).replaceAll("^Convoca: faltan (\\d+) días.*$", "$1")).toList();
	}

	private List<MimeMessage> mine(String address) {
		return to(address).stream().filter(m -> subject(m).contains(TITLE) && subject(m).contains("faltan")).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
