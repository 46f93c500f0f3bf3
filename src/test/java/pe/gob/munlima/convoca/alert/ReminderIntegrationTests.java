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

	@Autowired
	org.quartz.Scheduler scheduler;

	@Test
	void remindersGoOutFourteenSevenAndTwoDaysBeforeTheDeadlineEachOnce() throws Exception {
		store("fondo-recordatorios", "Fondo Recordatorios",
				call("recordatorio", TITLE,
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
		holdsFor(java.time.Duration.ofMillis(800), () -> mine("plazos@munlima.gob.pe").size() == 3);
		MimeMessage last = to("plazos@munlima.gob.pe").stream()
			.filter(m -> subject(m).contains(TITLE))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(last.getSubject()).isEqualTo("Convoca: faltan 2 días para el cierre de «" + TITLE + "»");
		assertThat(DigestIntegrationTests.part(last, "text/plain")).contains("31/12/2026").contains("P-11-CICLOVIAS");
	}

	@Test
	void overdueChecklistTasksAppearInTheWeeklyDigestWithALinkToTheApplication() throws Exception {
		String title = "Corredores verdes y ciclovías para la movilidad escolar";
		store("fondo-tareas", "Fondo Tareas",
				call("tareas", title,
						"<p>Ciclovías, buses eléctricos y movilidad urbana sostenible.</p>"
								+ "<p>Pueden postular municipalidades de América Latina.</p>"
								+ "<p>Fecha límite: 5 de febrero de 2027.</p>"));
		long matchId = this.jdbc
			.sql("SELECT m.id FROM match m JOIN project p ON p.id = m.project_id WHERE m.call_id = ? "
					+ "AND p.code = 'P-11-CICLOVIAS'")
			.param(callId("tareas"))
			.query(Long.class)
			.single();
		this.api.postJson("/api/admin/alerts/recipients", "{\"email\": \"tareas@munlima.gob.pe\"}");
		this.api.postJson("/api/applications/" + matchId + "/transitions", "{\"to\": \"EVALUATING\"}");
		this.api.postJson("/api/applications/" + matchId + "/transitions", "{\"to\": \"APPLYING\"}");
		assertThat(this.api
			.postJson("/api/applications/" + matchId + "/tasks",
					"{\"title\": \"Obtener la carta del socio europeo\", \"owner\": \"movilidad\", "
							+ "\"dueOn\": \"2027-01-12\"}")
			.statusCode()).isEqualTo(201);

		// Monday 18 January 2027, week 2027-W03: the task was due six days ago.
		this.clock.set(Instant.parse("2027-01-18T13:00:00Z"));
		assertThat(this.api.post("/api/admin/digests/run").get("run").get("period").asString()).isEqualTo("2027-W03");
		MimeMessage digest = awaitMail("tareas@munlima.gob.pe", 1).stream()
			.filter(m -> subject(m).contains("2027-W03"))
			.findFirst()
			.orElseThrow();
		String text = DigestIntegrationTests.part(digest, "text/plain");
		assertThat(text).contains("Tareas de postulaciones vencidas")
			.contains("Obtener la carta del socio europeo — vencía el 12/01/2027 (hace 6 días); responsable: movilidad")
			.contains(title)
			.contains("/postulaciones/" + matchId);
		assertThat(DigestIntegrationTests.part(digest, "text/html")).contains("Obtener la carta del socio europeo");
	}

	@Test
	void theReminderJobIsScheduledFromItsConfiguredCronInLimaTime() throws Exception {
		org.quartz.Trigger trigger = this.scheduler.getTrigger(AlertSchedule.REMINDERS);
		assertThat(trigger).isInstanceOf(org.quartz.CronTrigger.class);
		assertThat(((org.quartz.CronTrigger) trigger).getCronExpression()).isEqualTo(NEVER);
		assertThat(((org.quartz.CronTrigger) trigger).getTimeZone().getID()).isEqualTo("America/Lima");
		assertThat(this.scheduler.getJobDetail(trigger.getJobKey()).getJobClass()).isEqualTo(ReminderJob.class);
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
