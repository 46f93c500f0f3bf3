package pe.gob.munlima.convoca.call;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.MutableClock;
import pe.gob.munlima.convoca.TestWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One call on two sources, versions and closing, through the real intake, embedded
 * PostgreSQL, the Lucene index and the REST API. The clock is the test's, so the closing
 * sweep can be shown a deadline passing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class CallIntakeIntegrationTests {

	static final Path WORK = TestWorkspace.create("convoca-intake-it");

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-24T15:00:00Z"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	CallIntake intake;

	@Autowired
	CallClosing closing;

	@Autowired
	ApplicationEvents events;

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final SourceInfo FUNDER = new SourceInfo("fondo-verde", "Fondo Verde para Ciudades", "es", LIMA,
			"es-PE", SourceInfo.SourceRole.FUNDER);

	private static final SourceInfo AGGREGATOR = new SourceInfo("funding-finder", "Funding Finder", null,
			ZoneId.of("UTC"), "en-US", SourceInfo.SourceRole.AGGREGATOR);

	@Test
	void oneCallOnTheFundersSiteAndAnAggregatorIsOneCallWithBothLinksAndTheFundersValues() {
		IntakeResult first = this.intake.ingest(AGGREGATOR,
				List.of(new RawCall("agg-77", "Fondo de Ciudades Resilientes 2027", "https://finder.example/77",
						"<p>Open to NGOs. Awards of up to USD 80,000. Deadline: March 15, 2027.</p>", null,
						Map.of(RawField.FUNDER, List.of("Fondo Verde para Ciudades")))));
		IntakeResult second = this.intake.ingest(FUNDER, List.of(new RawCall("fvc-2027-01",
				"Fondo de ciudades resilientes 2027", "https://fondoverde.example/convocatorias/2027-01",
				"<p>Pueden postular municipalidades de América Latina.</p><p>Fecha límite: 15 de marzo de 2027.</p>",
				null)));

		assertThat(first.created()).isEqualTo(1);
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isEqualTo(1);
		Api api = new Api(this.port);
		assertThat(api.get("/api/calls?size=100").get("hits").findValuesAsString("title"))
			.filteredOn(title -> title.toLowerCase(java.util.Locale.ROOT).startsWith("fondo de ciudades resilientes"))
			.hasSize(1);
		JsonNode call = api.get("/api/calls/" + api.callId("Fondo de ciudades resilientes"));
		assertThat(call.get("sources").findValuesAsString("sourceId")).containsExactly("fondo-verde", "funding-finder");
		assertThat(call.get("sources").findValuesAsString("url"))
			.containsExactly("https://fondoverde.example/convocatorias/2027-01", "https://finder.example/77");
		// The funder's own page wins where both speak; the aggregator fills the amount.
		assertThat(call.get("title").asString()).isEqualTo("Fondo de ciudades resilientes 2027");
		assertThat(call.get("sourceUrl").asString()).isEqualTo("https://fondoverde.example/convocatorias/2027-01");
		assertThat(call.at("/requirements/applicants/applicantTypes/value/0").asString()).isEqualTo("LOCAL_GOVERNMENT");
		assertThat(call.at("/requirements/money/amountMax/value").decimalValue()).isEqualByComparingTo("80000");
		assertThat(call.at("/requirements/money/currency").asString()).isEqualTo("USD");
		assertThat(call.get("deadline").asString()).isEqualTo("2027-03-16T04:59:59Z");
		assertThat(call.get("keyDates")).hasSize(1);

		JsonNode versions = api.get("/api/calls/" + call.get("id").asLong() + "/versions");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(1).get("sourceId").asString()).isEqualTo("fondo-verde");
		assertThat(versions.get(1).get("changes").findValuesAsString("message")).contains(
				"Las fuentes que la publican cambiaron de funding-finder a fondo-verde, funding-finder.",
				"La fecha límite cambió de 15/03/2027 18:59 a 15/03/2027 23:59.",
				"El título cambió de «Fondo de Ciudades Resilientes 2027» a «Fondo de ciudades resilientes 2027».");

		// Fetched again unchanged: nothing new, nothing published.
		IntakeResult again = this.intake.ingest(AGGREGATOR,
				List.of(new RawCall("agg-77", "Fondo de Ciudades Resilientes 2027", "https://finder.example/77",
						"<p>Open to NGOs. Awards of up to USD 80,000. Deadline: March 15, 2027.</p>", null,
						Map.of(RawField.FUNDER, List.of("Fondo Verde para Ciudades")))));
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(api.get("/api/calls/" + call.get("id").asLong() + "/versions")).hasSize(2);
	}

	@Test
	void theDonorsReferenceJoinsCallsWhoseTitlesDiffer() {
		this.intake.ingest(FUNDER,
				List.of(new RawCall("eu-1", "Ciudades digitales y datos abiertos", "https://fondoverde.example/eu-1",
						"<p>Fecha límite: 30 de abril de 2027.</p>", null,
						Map.of(RawField.REFERENCE, List.of("FVC-2027-DIGITAL-01")))));
		IntakeResult result = this.intake.ingest(AGGREGATOR,
				List.of(new RawCall("agg-eu-1", "Open data for digital cities (FVC)", "https://finder.example/eu-1",
						"<p>Deadline: May 20, 2027.</p>", null,
						Map.of(RawField.REFERENCE, List.of("fvc-2027-digital-01 ")))));

		assertThat(result.created()).isZero();
		Api api = new Api(this.port);
		JsonNode call = api.get("/api/calls/" + api.callId("Ciudades digitales"));
		assertThat(call.get("reference").asString()).isEqualTo("FVC-2027-DIGITAL-01");
		assertThat(call.get("sources")).hasSize(2);
		// The funder's deadline wins over the aggregator's.
		assertThat(call.get("deadline").asString()).isEqualTo("2027-05-01T04:59:59Z");
	}

	@Test
	void callsThatOnlyLookAlikeStayApart() {
		// One source never lists one call twice: two ids are two calls, however alike.
		IntakeResult same = this.intake.ingest(FUNDER,
				List.of(raw("lot-1", "Becas de movilidad académica 2027", "Fecha límite: 10 de junio de 2027."),
						raw("lot-2", "Becas de movilidad académica 2027", "Fecha límite: 10 de junio de 2027.")));
		// Two different references are two calls, however alike their titles.
		this.intake.ingest(FUNDER, List.of(new RawCall("ref-a", "Premio de innovación urbana", "https://a.example",
				"<p>Fecha límite: 12 de junio de 2027.</p>", null, Map.of(RawField.REFERENCE, List.of("PIU-A")))));
		IntakeResult other = this.intake.ingest(AGGREGATOR, List.of(new RawCall("ref-b", "Premio de innovación urbana",
				"https://b.example", "<p>Deadline: June 12, 2027.</p>", null,
				Map.of(RawField.FUNDER, List.of("Fondo Verde para Ciudades"), RawField.REFERENCE, List.of("PIU-B")))));
		// Another funder with the same title and deadline is another call.
		IntakeResult otherFunder = this.intake.ingest(
				new SourceInfo("fondo-azul", "Fondo Azul", "es", LIMA, null, SourceInfo.SourceRole.FUNDER),
				List.of(raw("az-1", "Becas de movilidad académica 2027", "Fecha límite: 10 de junio de 2027.")));

		assertThat(same.created()).isEqualTo(2);
		assertThat(other.created()).isEqualTo(1);
		assertThat(otherFunder.created()).isEqualTo(1);
	}

	@Test
	void aCompleteListingClosesWhatItNoLongerShowsAndTheIndexSeesIt() {
		SourceInfo listing = new SourceInfo("lista-completa", "Fondo Listado", "es", LIMA);
		this.intake.ingest(listing,
				List.of(raw("l-1", "Fondo de agua potable 2027", "Fecha límite: 1 de julio de 2027."),
						raw("l-2", "Fondo de residuos sólidos 2027", "Fecha límite: 2 de julio de 2027.")),
				Listing.COMPLETE);
		this.events.clear();

		IntakeResult result = this.intake.ingest(listing,
				List.of(raw("l-1", "Fondo de agua potable 2027", "Fecha límite: 1 de julio de 2027.")),
				Listing.COMPLETE);

		assertThat(result.closed()).isEqualTo(1);
		assertThat(this.events.stream(CallClosed.class)).singleElement()
			.satisfies(closed -> assertThat(closed.reason()).isEqualTo(CallClosed.Reason.DELISTED));
		Api api = new Api(this.port);
		long wasteId = api.callId("Fondo de residuos");
		JsonNode waste = api.get("/api/calls/" + wasteId);
		assertThat(waste.get("status").asString()).isEqualTo("CLOSED");
		assertThat(waste.get("closedReason").asString()).isEqualTo("DELISTED");
		assertThat(waste.get("sources").get(0).get("goneAt").isNull()).isFalse();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					api.get("/api/calls/search?q=residuos&status=closed&source=lista-completa").get("total").asLong())
				.isEqualTo(1));
		assertThat(api.get("/api/calls/" + wasteId + "/versions").findValuesAsString("message"))
			.contains("El estado cambió de abierta a cerrada.");

		// An empty "complete" listing is a broken page, not a funder without calls.
		IntakeResult empty = this.intake.ingest(listing, List.of(), Listing.COMPLETE);
		assertThat(empty.closed()).isZero();
		assertThat(empty.errors()).singleElement().asString().contains("empty");
		assertThat(api.get("/api/calls/" + api.callId("Fondo de agua")).get("status").asString()).isEqualTo("OPEN");

		// Listed again: open again.
		IntakeResult back = this.intake.ingest(listing,
				List.of(raw("l-1", "Fondo de agua potable 2027", "Fecha límite: 1 de julio de 2027."),
						raw("l-2", "Fondo de residuos sólidos 2027", "Fecha límite: 2 de julio de 2027.")),
				Listing.COMPLETE);
		assertThat(back.updated()).isEqualTo(1);
		assertThat(api.get("/api/calls/" + wasteId).get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void anAggregatorDroppingACallTheFunderStillListsDoesNotCloseIt() {
		SourceInfo funder = new SourceInfo("fondo-rojo", "Fondo Rojo", "es", LIMA);
		SourceInfo aggregator = new SourceInfo("agregador-rojo", "Agregador", "es", LIMA, null,
				SourceInfo.SourceRole.AGGREGATOR);
		this.intake.ingest(funder,
				List.of(raw("r-1", "Fondo de seguridad ciudadana 2027", "Fecha límite: 3 de agosto de 2027.")));
		this.intake.ingest(aggregator,
				List.of(new RawCall("ag-r-1", "Fondo de seguridad ciudadana 2027", "https://agg.example/r-1",
						"<p>Fecha límite: 3 de agosto de 2027.</p>", null,
						Map.of(RawField.FUNDER, List.of("Fondo Rojo")))),
				Listing.COMPLETE);

		IntakeResult dropped = this.intake.ingest(aggregator,
				List.of(raw("ag-other", "Otro fondo", "Fecha límite: 9 de agosto de 2027.")), Listing.COMPLETE);

		assertThat(dropped.closed()).isZero();
		Api api = new Api(this.port);
		assertThat(api.get("/api/calls/" + api.callId("Fondo de seguridad ciudadana")).get("status").asString())
			.isEqualTo("OPEN");
	}

	@Test
	void theSourceSayingClosedClosesTheCall() {
		this.intake.ingest(FUNDER,
				List.of(new RawCall("st-1", "Fondo de turismo sostenible 2027", "https://fondoverde.example/st-1",
						"<p>Fecha límite: 5 de septiembre de 2027.</p>", null,
						Map.of(RawField.STATUS, List.of("Abierta")))));
		this.events.clear();

		IntakeResult result = this.intake.ingest(FUNDER,
				List.of(new RawCall("st-1", "Fondo de turismo sostenible 2027", "https://fondoverde.example/st-1",
						"<p>Fecha límite: 5 de septiembre de 2027.</p>", null,
						Map.of(RawField.STATUS, List.of("Cerrada")))));

		assertThat(result.closed()).isEqualTo(1);
		assertThat(this.events.stream(CallClosed.class)).singleElement()
			.satisfies(closed -> assertThat(closed.reason()).isEqualTo(CallClosed.Reason.SOURCE_STATUS));
		assertThat(this.events.stream(CallStored.class)).singleElement()
			.satisfies(stored -> assertThat(stored.changes()).extracting(FieldChange::field).contains("status"));
	}

	@Test
	void theSweepMovesATwoStageCallToItsSecondDeadlineThenClosesIt() {
		this.intake.ingest(FUNDER,
				List.of(new RawCall("two-stage", "Fondo de dos etapas para ciudades",
						"https://fondoverde.example/two-stage", "<p>Convocatoria en dos etapas.</p>", null,
						Map.of(RawField.DEADLINE, List.of("Etapa 1: 2027-01-15", "Etapa 2: 2027-04-30")))));
		Api api = new Api(this.port);
		long id = api.callId("Fondo de dos etapas");
		assertThat(api.get("/api/calls/" + id).get("deadline").asString()).isEqualTo("2027-01-16T04:59:59Z");

		CLOCK.set(Instant.parse("2027-02-01T12:00:00Z"));
		try {
			this.events.clear();
			this.closing.sweep();
			JsonNode moved = api.get("/api/calls/" + id);
			assertThat(moved.get("deadline").asString()).isEqualTo("2027-05-01T04:59:59Z");
			assertThat(moved.get("status").asString()).isEqualTo("OPEN");
			assertThat(this.events.stream(CallClosed.class)).isEmpty();

			CLOCK.set(Instant.parse("2027-05-02T12:00:00Z"));
			int closed = this.closing.sweep();

			assertThat(closed).isGreaterThanOrEqualTo(1);
			assertThat(this.events.stream(CallClosed.class)).anySatisfy(event -> {
				assertThat(event.callId()).isEqualTo(id);
				assertThat(event.reason()).isEqualTo(CallClosed.Reason.DEADLINE_PASSED);
			});
			JsonNode call = api.get("/api/calls/" + id);
			assertThat(call.get("status").asString()).isEqualTo("CLOSED");
			assertThat(call.get("closedReason").asString()).isEqualTo("DEADLINE_PASSED");
			assertThat(call.get("keyDates").findValuesAsString("label")).containsExactly("Etapa 1", "Etapa 2");
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(api.get("/api/calls/search?q=" + "etapas&status=closed").get("total").asLong())
							.isEqualTo(1));
			assertThat(api.get("/api/calls/" + id + "/versions", "en").findValuesAsString("message")).contains(
					"The deadline changed from 15/01/2027 to 30/04/2027.", "The status changed from open to closed.");
			// A second sweep finds nothing more to do.
			this.events.clear();
			this.closing.sweep();
			assertThat(this.events.stream(CallClosed.class)).noneMatch(event -> event.callId() == id);
		}
		finally {
			CLOCK.set(Instant.parse("2026-11-24T15:00:00Z"));
		}
	}

	@Test
	void aLoanIsNeverEligibleAndAProcurementNoticeIsNeverJudged() {
		String water = "Pueden postular municipalidades del Perú. Agua potable y saneamiento para barrios de Lima. "
				+ "Fecha límite: 30 de junio de 2027.";
		this.intake.ingest(FUNDER, List.of(
				new RawCall("loan-1", "Financiamiento de agua potable para ciudades", "https://f.example/loan-1",
						"<p>" + water + "</p>", null, Map.of(RawField.INSTRUMENT, List.of("Loan"))),
				new RawCall("rfei-1", "Consultoría de agua potable para ciudades", "https://f.example/rfei-1",
						"<p>Request for Expression of Interest. " + water + "</p>", null)));
		Api api = new Api(this.port);

		JsonNode loanMatches = api.get("/api/calls/" + api.callId("Financiamiento de agua potable") + "/matches");
		assertThat(loanMatches).isNotEmpty();
		assertThat(loanMatches.findValuesAsString("verdict")).doesNotContain("ELIGIBLE");
		assertThat(loanMatches.findValuesAsString("ruleId")).contains("reimbursable-instrument");
		JsonNode notice = api.get("/api/calls/" + api.callId("Consultoría de agua potable"));
		assertThat(notice.at("/requirements/instrument/value").asString()).isEqualTo("PROCUREMENT");
		assertThat(api.get("/api/calls/" + notice.get("id").asLong() + "/matches")).isEmpty();
	}

	private static RawCall raw(String id, String title, String text) {
		return new RawCall(id, title, "https://funder.example/" + id, "<p>" + text + "</p>", null);
	}

}
