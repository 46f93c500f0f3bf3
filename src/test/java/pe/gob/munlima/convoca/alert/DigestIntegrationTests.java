package pe.gob.munlima.convoca.alert;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest over real SMTP: a fixed data set (the demo portfolio and calls, plus
 * calls stored here), recipients in Spanish and English and a gerencia's own digest; the
 * subject, both parts, the right matches, accents, links that open; a second run of the
 * same week sends nothing; an empty week still says "nada nuevo".
 */
class DigestIntegrationTests extends AlertTestSupport {

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	@Test
	void weeklyDigestGroupsNewMatchesByCallForRecipientsLanguageAndGerencia() throws Exception {
		store("fondo-gestion", "Fundación Ciudades Sostenibles",
				call("gestion-ciclovias", "Gestión de ciclovías con cofinanciación municipal (Acuerdo de Concejo)",
						"<p>Subvenciones para ciclovías, bicicletas públicas y movilidad urbana sostenible.</p>"
								+ "<p>Pueden postular municipalidades y gobiernos locales de América Latina.</p>"
								+ "<p>Aporte de hasta EUR 500.000 por ciudad.</p>"
								+ "<p>Fecha límite: 14 de diciembre de 2026.</p>"),
				call("solo-ong-movilidad", "Movilidad urbana para organizaciones civiles",
						"<p>Proyectos de movilidad urbana sostenible y ciclovías.</p>"
								+ "<p>Solo pueden postular ONG y organizaciones de la sociedad civil.</p>"
								+ "<p>Fecha límite: 10 de diciembre de 2026.</p>"));
		long ciclovias = callId("gestion-ciclovias");
		created(this.api.postJson("/api/admin/alerts/recipients",
				"{\"email\": \"oficina.digest@munlima.gob.pe\", \"displayName\": \"Oficina\"}"));
		created(this.api.postJson("/api/admin/alerts/recipients",
				"{\"email\": \"office.digest@munlima.gob.pe\", \"language\": \"en\"}"));
		created(this.api.postJson("/api/admin/alerts/recipients",
				"{\"email\": \"gmu.digest@munlima.gob.pe\", \"gerencia\": \"GMU\"}"));

		JsonNode run = this.api.post("/api/admin/digests/run");
		assertThat(run.get("created").asBoolean()).isTrue();
		assertThat(run.get("run").get("period").asString()).isEqualTo("2026-W48");

		MimeMessage office = awaitMail("oficina.digest@munlima.gob.pe", 1).get(0);
		assertThat(office.getSubject()).matches(
				"Convoca: \\d+ convocatorias? nuevas? para sus proyectos \\(\\d+ coincidencias?, semana 2026-W48\\)");
		assertThat(office.getContentType()).startsWith("multipart/alternative");
		String text = part(office, "text/plain");
		String html = part(office, "text/html");
		for (String body : List.of(text, html)) {
			assertThat(body).contains("Gestión de ciclovías con cofinanciación municipal (Acuerdo de Concejo)")
				.contains("P-11-CICLOVIAS")
				.contains("Fundación Ciudades Sostenibles")
				.contains("14/12/2026")
				.contains("EUR 500,000.00")
				.contains("Cierran en los próximos días")
				.doesNotContain("Movilidad urbana para organizaciones civiles");
		}
		assertThat(text).contains("http://localhost:" + PORT + "/convocatorias/" + ciclovias);
		assertThat(office.getHeader("List-Unsubscribe")[0])
			.startsWith("<http://localhost:" + PORT + "/api/unsubscribe/");
		assertThat(office.getHeader("Message-ID")[0]).endsWith("@convoca.munlima.gob.pe>");

		MimeMessage english = awaitMail("office.digest@munlima.gob.pe", 1).get(0);
		assertThat(english.getSubject())
			.matches("Convoca: \\d+ new calls? for your projects \\(\\d+ match(es)?, week 2026-W48\\)");
		assertThat(part(english, "text/plain")).contains("Closing in the coming days")
			.contains("Gestión de ciclovías con cofinanciación municipal");

		MimeMessage gmu = awaitMail("gmu.digest@munlima.gob.pe", 1).get(0);
		assertThat(gmu.getSubject()).startsWith("Convoca GMU: ");
		String gmuText = part(gmu, "text/plain");
		assertThat(gmuText).contains("Gestión de ciclovías").contains("P-11-CICLOVIAS").doesNotContain("PROLIMA");

		linksOpen(html);
		// Other tests send digests of other weeks: the Panel shows the latest window.
		String latest = this.jdbc.sql("SELECT period_key FROM digest_run ORDER BY window_to DESC, id DESC LIMIT 1")
			.query(String.class)
			.single();
		PageSession panelReader = new PageSession(PORT);
		assertThat(panelReader.logIn("subgerencia", "subgerencia-demo")).isTrue();
		assertThat(panelReader.get("/").body()).as("the Panel shows the last digest")
			.containsPattern("Último resumen: semana " + latest
					+ ", \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d: (1 correo|\\d+ correos), ");

		JsonNode again = this.api.post("/api/admin/digests/run");
		assertThat(again.get("created").asBoolean()).as("the same week runs once").isFalse();
		holdsFor(Duration.ofSeconds(1), () -> to("oficina.digest@munlima.gob.pe").size() == 1);

		// Two years later nothing is new, nothing closes soon: a short "nada nuevo"
		// digest.
		this.clock.set(Instant.parse("2028-11-20T13:00:00Z"));
		JsonNode empty = this.api.post("/api/admin/digests/run");
		assertThat(empty.get("run").get("period").asString()).isEqualTo("2028-W47");
		MimeMessage nothing = awaitMail("oficina.digest@munlima.gob.pe", 2).get(1);
		assertThat(nothing.getSubject()).isEqualTo("Convoca: nada nuevo esta semana (2028-W47)");
		assertThat(part(nothing, "text/plain")).contains("Nada nuevo esta semana");
		assertThat(this.api.get("/api/admin/digests/2028-W47/messages"))
			.allSatisfy(message -> assertThat(message.get("status").asString()).isIn("SENT", "SENDING", "PENDING"));
	}

	/**
	 * Signal, not noise (issue 17): the digest and the Panel group new matches by call,
	 * say a doubt about the call once for all its projects, and list a project only when
	 * its subject fits the call; a pair that does not fit (a call on sport reaching the
	 * culture projects only because their gerencia also does sport) is not listed but
	 * stays counted and listed behind "ver todas".
	 */
	@Test
	void digestAndPanelGroupByCallSayACallsDoubtOnceAndKeepOffSubjectPairsBehindSeeAll() throws Exception {
		this.clock.set(Instant.parse("2027-03-02T13:00:00Z"));
		store("fondo-senal", "Fundación Movilidad Andina",
				call("senal-movilidad", "Movilidad sostenible en ciudades andinas",
						"<p>Apoyo a proyectos de movilidad urbana sostenible, transporte público y ciclovías.</p>"
								+ "<p>Fecha límite: 30 de junio de 2027.</p>"),
				call("senal-deporte", "Escuelas de deporte comunitario",
						"<p>Apoyo a programas de deporte y deportes comunitarios para jóvenes.</p>"
								+ "<p>Pueden postular municipalidades y gobiernos locales de América Latina.</p>"
								+ "<p>Fecha límite: 30 de junio de 2027.</p>"));
		long movilidad = callId("senal-movilidad");
		long deporte = callId("senal-deporte");
		created(this.api.postJson("/api/admin/alerts/recipients", "{\"email\": \"senal.digest@munlima.gob.pe\"}"));

		assertThat(this.api.post("/api/admin/digests/run").get("run").get("period").asString()).isEqualTo("2027-W09");
		MimeMessage digest = awaitMail("senal.digest@munlima.gob.pe", 1).get(0);
		String text = part(digest, "text/plain");
		String html = part(digest, "text/html");

		String block = callBlock(text, "Movilidad sostenible en ciudades andinas");
		assertThat(block).as("both GMU projects under the one call")
			.contains("P-10-VEHICULOS-ELECTRICOS")
			.contains("P-11-CICLOVIAS")
			.contains("http://localhost:" + PORT + "/convocatorias/" + movilidad);
		assertThat(occurrences(block, "La convocatoria no indica quiénes pueden postular."))
			.as("said once, at the call:%n%s", block)
			.isEqualTo(1);
		assertThat(occurrences(block, "La convocatoria no indica montos mínimos ni máximos.")).isEqualTo(1);
		assertThat(block).contains("Dudas sobre la convocatoria").contains("solo faltan las dudas de la convocatoria");
		assertThat(text).as("a call on another subject is not listed")
			.doesNotContain("Escuelas de deporte comunitario");
		assertThat(text).containsPattern("Otras? (\\d+ )?coincidencias? nuevas? no encaja")
			.contains("http://localhost:" + PORT + "/coincidencias-nuevas");
		assertThat(html).contains("Movilidad sostenible en ciudades andinas")
			.doesNotContain("Escuelas de deporte comunitario")
			.contains("/coincidencias-nuevas");
		linksOpen(html);

		PageSession reader = new PageSession(PORT);
		assertThat(reader.logIn("subgerencia", "subgerencia-demo")).isTrue();
		String panel = reader.get("/").body();
		String article = panel.substring(panel.indexOf("id=\"new-call-" + movilidad + "\""));
		article = article.substring(0, article.indexOf("</article>"));
		assertThat(article).contains("Piloto de vehículos eléctricos", "Red de ciclovías metropolitanas")
			.contains("Dudas sobre la convocatoria")
			.contains("/convocatorias/" + movilidad);
		assertThat(occurrences(article, "La convocatoria no indica quiénes pueden postular.")).isEqualTo(1);
		assertThat(panel).doesNotContain("Escuelas de deporte comunitario")
			.contains("Ver todas las coincidencias nuevas")
			.containsPattern("\\d+ coincidencias? en \\d+ convocatorias? encajan? con el tema del proyecto");

		String all = reader.get("/coincidencias-nuevas").body();
		String sport = all.substring(all.indexOf("id=\"all-call-" + deporte + "\""));
		sport = sport.substring(0, sport.indexOf("</article>"));
		assertThat(sport).as("the off-subject pairs stay reachable")
			.contains("Escuelas de deporte comunitario")
			.contains("no: otro tema")
			.doesNotContain(">sí<");
		assertThat(all).contains("id=\"all-call-" + movilidad + "\"");
	}

	/**
	 * The plain-text block of one call in the digest: from its title to the blank line.
	 */
	private static String callBlock(String text, String title) {
		int start = text.indexOf(title);
		assertThat(start).as("%s in the digest", title).isNotNegative();
		// mail text has CRLF line ends: a block ends at the first blank line
		Matcher blank = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n").matcher(text);
		return blank.find(start) ? text.substring(start, blank.start()) : text.substring(start);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
			count++;
		}
		return count;
	}

	/**
	 * Every link of the digest opens for a logged-in user (the unsubscribe link for
	 * anyone).
	 */
	private static void linksOpen(String html) {
		PageSession session = new PageSession(PORT);
		assertThat(session.logIn("subgerencia", "subgerencia-demo")).isTrue();
		List<String> links = new ArrayList<>();
		Matcher href = HREF.matcher(html);
		while (href.find()) {
			links.add(href.group(1).replace("&amp;", "&"));
		}
		assertThat(links).isNotEmpty();
		for (String link : links) {
			URI uri = URI.create(link);
			assertThat(uri.getPort()).as(link).isEqualTo(PORT);
			HttpResponse<String> response = session.get(uri.getRawPath());
			assertThat(response.statusCode()).as(link).isEqualTo(200);
		}
	}

	static String part(MimeMessage message, String type) throws Exception {
		MimeMultipart multipart = (MimeMultipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContentType().startsWith(type)) {
				assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
				return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + type + " part in " + message.getContentType());
	}

	private static void created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	static Duration seconds(int n) {
		return Duration.ofSeconds(n);
	}

}
