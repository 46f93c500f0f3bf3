package pe.gob.munlima.convoca.alert;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users subscribe to: recipients (an invalid address refused in Spanish), the
 * unsubscribe link without logging in (a tampered one refused), saved searches run
 * against new calls only and without NOT_ELIGIBLE noise, change notices with the
 * field-level change, the calendar feed, and the digest fired by its cron.
 */
class SubscriptionIntegrationTests extends AlertTestSupport {

	private static final Pattern UNSUBSCRIBE = Pattern.compile("(/unsubscribe/[A-Za-z0-9_.-]+)");

	@Autowired
	SavedSearchAlerts savedSearchAlerts;

	@Autowired
	AlertSchedule schedule;

	@Autowired
	Scheduler scheduler;

	@Test
	void anInvalidAddressIsRefusedWithAClearSpanishError() {
		HttpResponse<String> refused = this.api.postJson("/api/admin/alerts/recipients",
				"{\"email\": \"ana.munlima.gob.pe\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(this.api.json(refused).get("detail").asString())
			.isEqualTo("La dirección de correo «ana.munlima.gob.pe» no es válida: escriba una dirección completa "
					+ "como nombre@munlima.gob.pe.");
		assertThat(this.api.postJson("/api/admin/alerts/recipients", "{\"email\": \"ana@munlima\"}").statusCode())
			.isEqualTo(400);
		assertThat(this.api.putJson("/api/me/alerts", "{\"email\": \"yo en munlima\"}").statusCode()).isEqualTo(400);
		assertThat(this.api
			.postJson("/api/admin/alerts/recipients",
					"{\"email\": \"ana@munlima.gob.pe\", " + "\"gerencia\": \"NO-EXISTE\"}")
			.statusCode()).isEqualTo(400);
		Api owner = this.api.user("rosa", "PROJECT_OWNER", "GDE");
		assertThat(owner.postJson("/api/admin/alerts/recipients", "{\"email\": \"rosa@munlima.gob.pe\"}").statusCode())
			.as("the office list is the subgerencia's")
			.isEqualTo(403);
		assertThat(owner.putJson("/api/me/alerts", "{\"digestFrequency\": \"WEEKLY\", \"gerencia\": \"GMU\"}")
			.statusCode()).as("a project owner's digest is its own gerencia's").isEqualTo(403);
		JsonNode mine = owner
			.json(owner.putJson("/api/me/alerts", "{\"digestFrequency\": \"WEEKLY\", \"language\": \"en\"}"));
		assertThat(mine.get("gerencia").asString()).isEqualTo("GDE");
		assertThat(mine.get("email").asString()).isEqualTo("rosa@example.test");
	}

	@Test
	void theUnsubscribeLinkWorksWithoutLoggingInAndATamperedOneIsRefused() throws Exception {
		JsonNode recipient = this.api
			.json(this.api.postJson("/api/admin/alerts/recipients", "{\"email\": \"baja@munlima.gob.pe\"}"));
		// A week of its own: every test class shares one database, and a week runs once.
		this.clock.set(java.time.Instant.parse("2027-06-07T15:00:00Z"));
		this.api.post("/api/admin/digests/run");
		MimeMessage digest = awaitMail("baja@munlima.gob.pe", 1).get(0);
		Matcher link = UNSUBSCRIBE.matcher(DigestIntegrationTests.part(digest, "text/plain"));
		assertThat(link.find()).isTrue();
		String path = link.group(1);

		PageSession anonymous = new PageSession(PORT);
		HttpResponse<String> page = anonymous.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Darme de baja");
		assertThat(recipient(recipient.get("id").asLong()).get("digestFrequency").asString())
			.as("opening the link alone unsubscribes nobody")
			.isEqualTo("WEEKLY");
		HttpResponse<String> done = anonymous.postForm(path, Map.of("_csrf", anonymous.csrfToken(path)));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("ya no recibirá estos correos");
		assertThat(recipient(recipient.get("id").asLong()).get("digestFrequency").asString()).isEqualTo("OFF");

		String token = path.substring("/unsubscribe/".length());
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		assertThat(anonymous.get("/unsubscribe/" + tampered).statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/unsubscribe/recipient:1").statusCode()).isEqualTo(404);
		HttpResponse<String> forged = this.api.anonymous().postEmpty("/api/unsubscribe/" + tampered);
		assertThat(forged.statusCode()).isEqualTo(404);
		assertThat(this.api.json(forged).get("detail").asString()).contains("El enlace no es válido");

		// The List-Unsubscribe header: a mail client's one-click POST, no session.
		String oneClick = digest.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
		assertThat(this.api.anonymous().postEmpty(URI.create(oneClick).getRawPath()).statusCode()).isEqualTo(204);

		// Turned on again by the subgerencia: the next week's digest reaches the address.
		long id = recipient.get("id").asLong();
		assertThat(this.api.putJson("/api/admin/alerts/recipients/" + id, "{\"digestFrequency\": \"WEEKLY\"}")
			.statusCode()).isEqualTo(200);
		this.clock.set(java.time.Instant.parse("2027-06-14T15:00:00Z"));
		this.api.post("/api/admin/digests/run");
		assertThat(awaitMail("baja@munlima.gob.pe", 2)).hasSize(2);
	}

	@Test
	void savedSearchesAlertOnlyNewCallsAndLeaveOutWhatTheRulesJudgedNotEligible() throws Exception {
		store("fondo-agua", "Fondo del Agua", call("agua-previa", "Agua potable y saneamiento para barrios de Lima",
				"<p>Agua y saneamiento urbano.</p>"));
		Api owner = this.api.user("nadia", "PROJECT_OWNER", "GMU");
		HttpResponse<String> bad = owner.postJson("/api/saved-searches",
				"{\"name\": \"rota\", \"params\": {\"q\": \"ciclovías AND (\"}}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(owner.json(bad).get("detail").asString()).startsWith("La búsqueda no es válida");
		JsonNode search = owner.json(owner.postJson("/api/saved-searches",
				"{\"name\": \"Ciclovías\", \"params\": {\"q\": \"ciclovías\", \"status\": \"open\"}, "
						+ "\"frequency\": \"DAILY\"}"));
		long searchId = search.get("id").asLong();
		JsonNode everything = owner.json(owner.postJson("/api/saved-searches",
				"{\"name\": \"Todo sobre ciclovías\", \"params\": {\"q\": \"ciclovías\"}, \"frequency\": \"DAILY\", "
						+ "\"includeNotEligible\": true}"));

		store("fondo-bici", "Fondo Bici", call("bici-municipal", "Ciclovías seguras para municipalidades",
				"<p>Ciclovías y movilidad urbana sostenible. Pueden postular municipalidades de América Latina.</p>"
						+ "<p>Fecha límite: 30 de marzo de 2027.</p>"),
				call("bici-ong", "Ciclovías comunitarias para la sociedad civil",
						"<p>Ciclovías y movilidad urbana sostenible.</p>"
								+ "<p>Solo pueden postular ONG y organizaciones de la sociedad civil.</p>"
								+ "<p>Fecha límite: 30 de marzo de 2027.</p>"),
				call("museos", "Museos y patrimonio cultural", "<p>Restauración de museos.</p>"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> owner.get("/api/saved-searches/" + searchId + "/hits").size() == 2);
		assertThat(owner.get("/api/saved-searches/" + searchId + "/hits").toString())
			.contains(String.valueOf(callId("bici-municipal")))
			.contains(String.valueOf(callId("bici-ong")))
			.doesNotContain(String.valueOf(callId("museos")));

		this.savedSearchAlerts.run();
		List<MimeMessage> mails = awaitMail("nadia@example.test", 2);
		MimeMessage filtered = mails.stream().filter(m -> subject(m).contains("«Ciclovías»")).findFirst().orElseThrow();
		assertThat(filtered.getSubject()).isEqualTo("Convoca: 1 convocatorias nuevas para «Ciclovías»");
		String text = DigestIntegrationTests.part(filtered, "text/plain");
		assertThat(text).contains("Ciclovías seguras para municipalidades")
			.doesNotContain("Ciclovías comunitarias para la sociedad civil")
			.doesNotContain("Agua potable");
		MimeMessage all = mails.stream()
			.filter(m -> subject(m).contains("«Todo sobre ciclovías»"))
			.findFirst()
			.orElseThrow();
		assertThat(DigestIntegrationTests.part(all, "text/plain"))
			.contains("Ciclovías comunitarias para la sociedad civil");
		assertThat(everything.get("includeNotEligible").asBoolean()).isTrue();

		this.savedSearchAlerts.run();
		// One alert per search and day.
		holdsFor(Duration.ofMillis(800), () -> to("nadia@example.test").size() == 2);
	}

	@Test
	void whenAMatchedCallChangesItsFollowersGetTheFieldLevelChange() throws Exception {
		String summary = "<p>Subvenciones para ciclovías y movilidad urbana sostenible.</p>"
				+ "<p>Pueden postular municipalidades de América Latina.</p>"
				+ "<p>Aporte de hasta EUR 300.000 por ciudad.</p><p>Fecha límite: %s.</p>";
		store("fondo-cambios", "Fondo Cambios", call("cambia", "Movilidad activa y ciclovías en ciudades andinas",
				summary.replace("%s", "15 de marzo de 2027")));
		long callId = callId("cambia");
		Api follower = this.api.user("tomas", "SUBGERENCIA", null);
		assertThat(follower.putJson("/api/calls/" + callId + "/follow", "{}").statusCode()).isEqualTo(204);

		store("fondo-cambios", "Fondo Cambios", call("cambia", "Movilidad activa y ciclovías en ciudades andinas",
				summary.replace("%s", "30 de abril de 2027")));
		MimeMessage owner = awaitMail("movilidad@convoca.local", 1).get(0);
		assertThat(owner.getSubject())
			.isEqualTo("Convoca: cambió la convocatoria «Movilidad activa y ciclovías en ciudades andinas»");
		assertThat(DigestIntegrationTests.part(owner, "text/plain"))
			.contains("La fecha límite cambió de 15/03/2027 a 30/04/2027.");
		MimeMessage followed = awaitMail("tomas@example.test", 1).get(0);
		assertThat(DigestIntegrationTests.part(followed, "text/html"))
			.contains("La fecha límite cambió de 15/03/2027 a 30/04/2027.");
		// One notice per change.
		holdsFor(Duration.ofMillis(800), () -> to("movilidad@convoca.local").size() == 1);
	}

	@Test
	void whenAFollowedCallIsNoLongerListedItsFollowersHearItClosed() throws Exception {
		String title = "Bicicletas públicas para distritos de Lima Norte";
		RawCall listed = call("deslistada", title,
				"<p>Subvenciones para ciclovías y bicicletas públicas.</p>"
						+ "<p>Pueden postular municipalidades de América Latina.</p>"
						+ "<p>Fecha límite: 20 de marzo de 2027.</p>");
		store("fondo-cierre", "Fondo Cierre", listed);
		long callId = callId("deslistada");
		Api follower = this.api.user("irene", "SUBGERENCIA", null);
		assertThat(follower.putJson("/api/calls/" + callId + "/follow", "{}").statusCode()).isEqualTo(204);

		// The source's complete listing now shows another call only: this one closed.
		assertThat(this.intake.closeMissing(new SourceInfo("fondo-cierre", "Fondo Cierre", "es", LIMA),
				java.util.Set.of("otra-convocatoria")))
			.isEqualTo(1);
		MimeMessage notice = awaitMail("irene@example.test", 1).get(0);
		assertThat(notice.getSubject()).isEqualTo("Convoca: cambió la convocatoria «" + title + "»");
		assertThat(DigestIntegrationTests.part(notice, "text/plain"))
			.contains("El estado cambió de abierta a cerrada.");
		// One notice for one closing.
		holdsFor(Duration.ofMillis(800), () -> to("irene@example.test").size() == 1);
	}

	@Test
	void theCalendarFeedParsesAndHoldsTheDeadlinesOfFittingCalls() throws Exception {
		store("fondo-ics", "Fondo Calendario",
				call("ics-ciclovias", "Ciclovías y buses eléctricos para Lima",
						"<p>Ciclovías, movilidad urbana y buses eléctricos. Pueden postular municipalidades de América "
								+ "Latina.</p><p>Fecha límite: 31 de mayo de 2027 a las 17:00 hora de Lima.</p>"));
		long callId = callId("ics-ciclovias");
		JsonNode feeds = this.api.get("/api/calendar/feeds");
		String office = null;
		String gmu = null;
		for (JsonNode feed : feeds) {
			if ("oficina".equals(feed.get("scope").asString())) {
				office = feed.get("url").asString();
			}
			if ("GMU".equals(feed.get("scope").asString())) {
				gmu = feed.get("url").asString();
			}
		}
		assertThat(office).isNotNull();
		HttpResponse<String> response = this.api.anonymous().fetch(URI.create(office).getRawPath());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		ICalendar calendar = Biweekly.parse(new StringReader(response.body())).first();
		assertThat(calendar).isNotNull();
		VEvent event = calendar.getEvents()
			.stream()
			.filter(e -> e.getUid().getValue().equals("convoca-call-" + callId + "-deadline@convoca.munlima.gob.pe"))
			.findFirst()
			.orElseThrow();
		assertThat(event.getSummary().getValue()).isEqualTo("Cierre: Ciclovías y buses eléctricos para Lima");
		assertThat(event.getDateEnd().getValue().toInstant())
			.isEqualTo(java.time.Instant.parse("2027-05-31T22:00:00Z"));
		assertThat(response.body()).contains("BEGIN:VTIMEZONE").contains("TZID=America/Lima");
		assertThat(calendar.getEvents()).noneMatch(e -> e.getSummary().getValue().contains("[Demo] Becas"));

		ICalendar gerencia = Biweekly.parse(new StringReader(this.api.anonymous().text(URI.create(gmu).getRawPath())))
			.first();
		assertThat(gerencia.getEvents()).anyMatch(e -> e.getUid().getValue().contains("call-" + callId + "-"));
		assertThat(
				this.api.anonymous().fetch(URI.create(gmu).getRawPath().replace("/GMU.ics", "/GDE.ics")).statusCode())
			.as("a token opens its own feed only")
			.isEqualTo(404);
	}

	@Test
	void theDigestFiresFromItsCronAndMissedFiringsRunOnceAtStartUp() throws Exception {
		CronTrigger stored = (CronTrigger) this.scheduler.getTrigger(AlertSchedule.DIGEST);
		assertThat(stored.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
		String week = DigestService.period(java.time.Instant.now(), LIMA);
		this.jdbc.sql("DELETE FROM digest_run WHERE period_key = ?").param(week).update();
		try {
			this.schedule.schedule(AlertSchedule.DIGEST, DigestJob.class, "0/1 * * * * ?", "America/Lima");
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> this.jdbc.sql("SELECT count(*) FROM digest_run WHERE period_key = ? AND trigger = 'CRON'")
					.param(week)
					.query(Long.class)
					.single() == 1);
			// Firing every second, the week still runs once.
			holdsFor(Duration.ofMillis(2500),
					() -> this.jdbc.sql("SELECT count(*) FROM digest_run WHERE period_key = ?")
						.param(week)
						.query(Long.class)
						.single() == 1);
		}
		finally {
			this.schedule.schedule(AlertSchedule.DIGEST, DigestJob.class, NEVER, "America/Lima");
			// The week belongs to the digest test, whatever order the tests run in; a
			// firing already under way finishes first.
			Awaitility.await()
				.during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.scheduler.getCurrentlyExecutingJobs()
					.stream()
					.noneMatch(job -> job.getJobDetail().getJobClass() == DigestJob.class));
			this.jdbc.sql("DELETE FROM digest_run WHERE period_key = ?").param(week).update();
		}
	}

	private JsonNode recipient(long id) {
		for (JsonNode recipient : this.api.get("/api/admin/alerts/recipients")) {
			if (recipient.get("id").asLong() == id) {
				return recipient;
			}
		}
		throw new AssertionError("no recipient " + id);
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
