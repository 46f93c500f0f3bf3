package pe.gob.munlima.convoca.donor;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.TrackingContextTestSupport;
import pe.gob.munlima.convoca.iati.IatiImport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Donor pages and the ranking of who to approach, on calls imported through the real API:
 * a donor with two calls on urban mobility open to local governments (one of which Lima
 * won) and one on security for NGOs only, and a second donor with one call on mobility
 * for NGOs only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DonorsIntegrationTests extends TrackingContextTestSupport {

	static final String DONOR = "Fondo Donantes Prueba";

	static final String OTHER = "Fundación Segunda Prueba";

	static final String DONOR_FEED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom"><title>Fondo Donantes Prueba</title><id>urn:donantes</id>
			<updated>2027-05-03T00:00:00Z</updated>
			<entry><title>Fondo de buses eléctricos y movilidad urbana para ciudades 2027</title><id>urn:donantes:buses</id>
			<link href="https://donantes.example/buses"/><updated>2027-05-03T00:00:00Z</updated>
			<summary>Subvenciones para buses eléctricos y movilidad urbana sostenible. Pueden postular gobiernos locales de América Latina. Hasta EUR 500.000 por proyecto. Fecha límite: 30 de septiembre de 2027.</summary></entry>
			<entry><title>Ciclovías y transporte público: segunda línea de movilidad urbana</title><id>urn:donantes:ciclovias</id>
			<link href="https://donantes.example/ciclovias"/><updated>2027-05-03T00:00:00Z</updated>
			<summary>Donaciones para ciclovías, movilidad urbana sostenible y transporte público. Pueden postular municipalidades de América Latina. Hasta EUR 300.000 por proyecto. Fecha límite: 31 de octubre de 2027.</summary></entry>
			<entry><title>Fondo de prevención del delito para organizaciones civiles</title><id>urn:donantes:seguridad</id>
			<link href="https://donantes.example/seguridad"/><updated>2027-05-03T00:00:00Z</updated>
			<summary>Prevención del delito y seguridad ciudadana. Solo pueden postular ONG y organizaciones de la sociedad civil del Perú. Hasta USD 200,000. Fecha límite: 30 de noviembre de 2027.</summary></entry>
			</feed>
			""";

	static final String OTHER_FEED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom"><title>Fundación Segunda Prueba</title><id>urn:segunda</id>
			<updated>2027-05-03T00:00:00Z</updated>
			<entry><title>Movilidad sostenible desde la sociedad civil</title><id>urn:segunda:movilidad</id>
			<link href="https://segunda.example/movilidad"/><updated>2027-05-03T00:00:00Z</updated>
			<summary>Proyectos de movilidad urbana sostenible y bicicletas. Solo pueden postular ONG y organizaciones de la sociedad civil. Hasta USD 50,000. Fecha límite: 15 de diciembre de 2027.</summary></entry>
			</feed>
			""";

	static final String AECID_FEED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom"><title>AECID</title><id>urn:aecid-prueba</id>
			<updated>2027-05-03T00:00:00Z</updated>
			<entry><title>Subvenciones de movilidad urbana sostenible para ciudades iberoamericanas</title><id>urn:aecid-prueba:movilidad</id>
			<link href="https://aecid-prueba.example/movilidad"/><updated>2027-05-03T00:00:00Z</updated>
			<summary>Movilidad urbana sostenible y transporte público. Pueden postular gobiernos locales de América Latina. Hasta EUR 250.000. Fecha límite: 15 de noviembre de 2027.</summary></entry>
			</feed>
			""";

	@Autowired
	IatiImport iati;

	long projectId;

	@BeforeAll
	void importTheDonorsAndWinOneCall() throws IOException {
		this.clock.setDay("2027-05-03");
		assertThat(importFeed("donantes", DONOR, DONOR_FEED).get("created").asInt()).isEqualTo(3);
		assertThat(importFeed("segunda", OTHER, OTHER_FEED).get("created").asInt()).isEqualTo(1);
		assertThat(importFeed("aecid-prueba", "AECID", AECID_FEED).get("created").asInt()).isEqualTo(1);
		// Two IATI activities in Peru: AECID's urban mobility in Lima Cercado, and
		// USAID's.
		try (InputStream xml = Files.newInputStream(Path.of("crawlers/fixtures/iati-peru/datastore-pe.xml"))) {
			this.iati.importActivities("iati-peru", xml, "test");
		}
		String project = newProject("GMU", "[\"mobility\"]", 200000);
		this.projectId = api().projectId(project);
		long won = match(api().callId("Fondo de buses eléctricos y movilidad urbana"), project).get("matchId").asLong();
		move(api(), won, "{\"to\": \"EVALUATING\"}");
		move(api(), won, "{\"to\": \"APPLYING\"}");
		move(api(), won, "{\"to\": \"SUBMITTED\", \"requested\": {\"amount\": 480000, \"currency\": \"EUR\"}}");
		move(api(), won, """
				{"to": "AWARDED", "award": {"amount": 450000, "currency": "EUR", "awardedOn": "2027-05-03",
				 "documentType": "CONVENIO", "documentReference": "Convenio N° 077-2027-MML"}}""");
	}

	@Test
	void theDonorPageSaysWhatItFundsAndWhatLimaWon() {
		JsonNode list = api().get("/api/donors");
		JsonNode listed = find(list, "key", "fondo-donantes-prueba");
		assertThat(listed.get("name").asString()).isEqualTo(DONOR);
		assertThat(listed.get("calls").asLong()).isEqualTo(3);

		JsonNode donor = api().get("/api/donors/fondo-donantes-prueba");
		assertThat(donor.get("calls")).hasSize(3);
		assertThat(donor.get("openCalls").asLong()).isEqualTo(3);
		JsonNode euros = find(donor.get("amounts"), "currency", "EUR");
		assertThat(euros.get("calls").asInt()).isEqualTo(2);
		assertThat(euros.get("typical").decimalValue()).isEqualByComparingTo("400000");
		assertThat(euros.get("max").decimalValue()).isEqualByComparingTo("500000");
		assertThat(find(donor.get("amounts"), "currency", "USD").get("max").decimalValue())
			.isEqualByComparingTo("200000");
		assertThat(donor.get("themes").get(0).get("id").asString()).isEqualTo("mobility");
		assertThat(donor.get("themes").get(0).get("calls").asLong()).isEqualTo(2);
		assertThat(ids(donor.get("applicantTypes"), "id")).contains("LOCAL_GOVERNMENT", "NGO");
		assertThat(donor.get("applications")).hasSize(1);
		JsonNode application = donor.get("applications").get(0);
		assertThat(application.get("stage").asString()).isEqualTo("AWARDED");
		assertThat(application.get("awarded").decimalValue()).isEqualByComparingTo("450000");
		assertThat(donor.get("awards").asLong()).isEqualTo(1);
	}

	@Test
	void theDonorThatFundsTheProjectsThemesForCitiesAndAwardedLimaComesFirst() {
		JsonNode ranking = api().get("/api/donors/ranking?project=" + this.projectId);
		assertThat(ranking.get("themes")).hasSize(1);
		List<String> order = ids(ranking.get("donors"), "key");
		assertThat(order).contains("fondo-donantes-prueba", "fundacion-segunda-prueba");
		assertThat(order.indexOf("fondo-donantes-prueba")).isLessThan(order.indexOf("fundacion-segunda-prueba"));

		JsonNode first = find(ranking.get("donors"), "key", "fondo-donantes-prueba");
		// Two calls on mobility open to cities (1 each) and the award (2); the security
		// call is not on the project's themes.
		assertThat(first.get("score").asDouble()).isEqualTo(4.0);
		assertThat(ids(first.get("evidence"), "kind")).containsExactly("AWARD", "CALL", "CALL");
		JsonNode second = find(ranking.get("donors"), "key", "fundacion-segunda-prueba");
		assertThat(second.get("score").asDouble()).isEqualTo(0.2);
		assertThat(ids(second.get("evidence"), "kind")).containsExactly("CALL_CLOSED_TO_LIMA");

		assertThat(api().get("/api/donors/ranking?gerencia=GMU").get("donors")).isNotEmpty();
	}

	@Test
	void theDonorPageSaysWhatIatiRecordsItFundsInPeruApartFromItsCalls() {
		JsonNode aid = api().get("/api/donors/aecid").get("aid");
		assertThat(aid.get("known").asBoolean()).isTrue();
		assertThat(aid.get("peru").get("activities").asInt()).isEqualTo(1);
		assertThat(ids(aid.get("latinAmerica").get("byTheme"), "theme")).contains("mobility");
		assertThat(ids(aid.get("peru").get("byLocation"), "name")).anyMatch(name -> name.contains("Lima Cercado"));
		assertThat(
				api().get("/api/donors/fondo-donantes-prueba").get("aid").get("latinAmerica").get("activities").asInt())
			.as("a donor IATI does not know has no activities there")
			.isZero();

		JsonNode first = find(api().get("/api/donors/ranking?project=" + this.projectId).get("donors"), "key", "aecid");
		JsonNode activity = find(first.get("evidence"), "kind", "ACTIVITY");
		assertThat(activity.get("activities").asInt()).isEqualTo(1);
		assertThat(activity.get("weight").asDouble()).isEqualTo(0.25);
		// One mobility call open to cities (1) and one IATI activity on mobility (0.25).
		assertThat(first.get("score").asDouble()).isEqualTo(1.25);

		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();
		assertThat(page.get("/donantes/aecid").body()).contains("Lo que financia en el Perú y América Latina (IATI)",
				"Lima Cercado", "1 actividades");
	}

	@Test
	void unknownDonorsProjectsAndMissingTargetsAreRefusedInSpanish() {
		assertThat(problem(api().fetch("/api/donors/nadie"), 404))
			.isEqualTo("No hay convocatorias del donante «nadie».");
		assertThat(problem(api().fetch("/api/donors/ranking"), 400)).contains("proyecto");
		assertThat(problem(api().fetch("/api/donors/ranking?project=987654"), 404)).contains("987654");
		assertThat(problem(api().fetch("/api/donors/ranking?gerencia=GXX"), 404)).contains("GXX");
	}

	@Test
	void thePagesShowTheDonorAndWhoToApproach() {
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();

		String list = page.get("/donantes").body();
		assertThat(list).contains("href=\"/donantes/fondo-donantes-prueba\"", DONOR);

		String donor = page.get("/donantes/fondo-donantes-prueba").body();
		assertThat(donor).contains("<h1>" + DONOR + "</h1>", "Montos por proyecto", "Lima con este donante",
				"adjudicada", "movilidad urbana (2)", "Fondo de prevención del delito para organizaciones civiles");

		String ranking = page.get("/donantes/a-quien-acudir?proyecto=" + this.projectId).body();
		assertThat(ranking).contains("Lima ganó", "href=\"/donantes/fondo-donantes-prueba\"",
				"no abierta a gobiernos locales");
		assertThat(ranking.indexOf("fondo-donantes-prueba")).isLessThan(ranking.indexOf("fundacion-segunda-prueba"));
		assertThat(page.get("/donantes/a-quien-acudir").body()).contains("Indique un proyecto");

		assertThat(page.get("/proyectos/" + this.projectId).body())
			.contains("/donantes/a-quien-acudir?proyecto=" + this.projectId);
	}

	private String problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return api().json(response).get("detail").asString();
	}

	private static JsonNode find(JsonNode items, String field, String value) {
		for (JsonNode item : items) {
			if (value.equals(item.get(field).asString())) {
				return item;
			}
		}
		throw new AssertionError(value + " not in " + items);
	}

	private static List<String> ids(JsonNode items, String field) {
		List<String> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.get(field).asString()));
		return ids;
	}

}
