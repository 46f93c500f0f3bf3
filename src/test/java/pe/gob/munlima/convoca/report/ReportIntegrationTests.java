package pe.gob.munlima.convoca.report;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import pe.gob.munlima.convoca.PageSession;
import pe.gob.munlima.convoca.TrackingContextTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benefit report on a fixed data set built through the real API: four calls of one
 * funder detected on 1 February 2027, applications moved on given days in February and
 * March, amounts in EUR, PEN and USD. The period (February–March 2027) and the funder
 * keep the demo data and the other tests' data out. Rates: rules/parameters.yaml of 3
 * November 2025 (1 EUR = 1.16 USD, 1 PEN = 0.295 USD).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTests extends TrackingContextTestSupport {

	static final String FUNDER = "Fondo Informe Prueba";

	static final String PERIOD = "/api/reports/summary?from=2027-02-01&to=2027-03-31&funder="
			+ URLEncoder.encode(FUNDER, StandardCharsets.UTF_8);

	static final String FEED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom"><title>Fondo Informe Prueba</title><id>urn:informe</id>
			<updated>2027-02-01T00:00:00Z</updated>
			<entry><title>Fondo andino de ciclovías y movilidad urbana 2027</title><id>urn:informe:movilidad</id>
			<link href="https://fondo-informe.example/movilidad"/><updated>2027-02-01T00:00:00Z</updated>
			<summary>Subvenciones para ciclovías, movilidad urbana sostenible y buses eléctricos. Pueden postular gobiernos locales de América Latina. Aporte de hasta EUR 600.000 por ciudad. Fecha límite: 30 de junio de 2027.</summary></entry>
			<entry><title>Programa de recuperación de centros históricos y patrimonio cultural</title><id>urn:informe:patrimonio</id>
			<link href="https://fondo-informe.example/patrimonio"/><updated>2027-02-01T00:00:00Z</updated>
			<summary>Donaciones para la restauración del patrimonio cultural y de centros históricos. Pueden postular municipalidades de América Latina. Hasta EUR 2.000.000 por proyecto. Fecha límite: 31 de julio de 2027.</summary></entry>
			<entry><title>Fondo para áreas verdes urbanas y biodiversidad</title><id>urn:informe:verde</id>
			<link href="https://fondo-informe.example/verde"/><updated>2027-02-01T00:00:00Z</updated>
			<summary>Financiamiento para áreas verdes, parques y biodiversidad urbana y medio ambiente en ciudades del Perú. Pueden postular gobiernos locales. Hasta USD 800,000. Fecha límite: 15 de agosto de 2027.</summary></entry>
			<entry><title>Fondo de seguridad ciudadana para organizaciones civiles</title><id>urn:informe:seguridad</id>
			<link href="https://fondo-informe.example/seguridad"/><updated>2027-02-01T00:00:00Z</updated>
			<summary>Prevención del delito y seguridad ciudadana. Solo pueden postular ONG y organizaciones de la sociedad civil del Perú. Hasta USD 500,000. Fecha límite: 30 de septiembre de 2027.</summary></entry>
			</feed>
			""";

	static final String GIVING = "/api/reports/360giving?from=2027-02-01&to=2027-03-31&funder="
			+ URLEncoder.encode(FUNDER, StandardCharsets.UTF_8);

	long cycleMatch;

	@BeforeAll
	void buildTheDataSet() {
		this.clock.setDay("2027-02-01");
		assertThat(importFeed("informe", FUNDER, FEED).get("created").asInt()).isEqualTo(4);
		long mobility = api().callId("Fondo andino de ciclovías");
		long heritage = api().callId("Programa de recuperación de centros históricos");
		long green = api().callId("Fondo para áreas verdes urbanas");

		// A: cycle lanes, submitted asking EUR 100,000 and awarded EUR 80,000.
		this.cycleMatch = match(mobility, "P-11-CICLOVIAS").get("matchId").asLong();
		at("2027-02-03", this.cycleMatch, "{\"to\": \"EVALUATING\"}");
		at("2027-02-05", this.cycleMatch, "{\"to\": \"APPLYING\"}");
		at("2027-02-15", this.cycleMatch,
				"{\"to\": \"SUBMITTED\", \"requested\": {\"amount\": 100000, \"currency\": \"EUR\"}}");
		at("2027-03-10", this.cycleMatch, """
				{"to": "AWARDED", "award": {"amount": 80000, "currency": "EUR", "awardedOn": "2027-03-09",
				 "documentType": "CONVENIO", "documentReference": "Convenio N° 012-2027-MML"}}""");
		// B: the historic centre, asking PEN 300,000, not awarded.
		long centre = match(heritage, "P-09-CENTRO-HISTORICO").get("matchId").asLong();
		at("2027-02-04", centre, "{\"to\": \"EVALUATING\"}");
		at("2027-02-10", centre, "{\"to\": \"APPLYING\"}");
		at("2027-02-21", centre, "{\"to\": \"SUBMITTED\", \"requested\": {\"amount\": 300000, \"currency\": \"PEN\"}}");
		at("2027-03-20", centre, "{\"to\": \"NOT_AWARDED\"}");
		// C: green areas, discarded.
		long parks = match(green, "P-13-AREAS-VERDES").get("matchId").asLong();
		at("2027-02-06", parks, "{\"to\": \"EVALUATING\"}");
		at("2027-02-08", parks, "{\"to\": \"DISCARDED\", \"reason\": \"NOT_A_PRIORITY\"}");
		// D: Teatro Segura, asking USD 50,000, still waiting for the funder.
		long theatre = match(heritage, "P-01-TEATRO-SEGURA").get("matchId").asLong();
		at("2027-02-06", theatre, "{\"to\": \"EVALUATING\"}");
		at("2027-02-12", theatre, "{\"to\": \"APPLYING\"}");
		at("2027-02-25", theatre, "{\"to\": \"SUBMITTED\", \"requested\": {\"amount\": 50000, \"currency\": \"USD\"}}");
		// E: submitted after the period: counts in none of its figures.
		long buses = match(mobility, "P-10-VEHICULOS-ELECTRICOS").get("matchId").asLong();
		at("2027-03-30", buses, "{\"to\": \"EVALUATING\"}");
		at("2027-04-01", buses, "{\"to\": \"APPLYING\"}");
		at("2027-04-10", buses, "{\"to\": \"SUBMITTED\"}");
		this.clock.setDay("2027-04-15");
	}

	private void at(String day, long matchId, String transition) {
		this.clock.setDay(day);
		move(api(), matchId, transition);
	}

	@Test
	void theFiguresOfThePeriodAreExact() {
		JsonNode report = api().get(PERIOD);

		assertThat(report.get("from").asString()).isEqualTo("2027-02-01");
		assertThat(report.get("to").asString()).isEqualTo("2027-03-31");
		assertThat(report.get("callsDetected").asLong()).isEqualTo(4);
		JsonNode applications = report.get("applications");
		assertThat(applications.get("started").asLong()).isEqualTo(3);
		assertThat(applications.get("submitted").asLong()).isEqualTo(3);
		assertThat(applications.get("awarded").asLong()).isEqualTo(1);
		assertThat(applications.get("notAwarded").asLong()).isEqualTo(1);
		assertThat(applications.get("discarded").asLong()).isEqualTo(1);
		assertThat(report.get("successRate").get("value").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(report.get("successRate").get("decided").asLong()).isEqualTo(2);
		assertThat(report.get("successRate").get("definition").asString())
			.startsWith("Tasa de éxito = adjudicadas / (adjudicadas + no adjudicadas)");

		// EUR 100,000 × 1.16 + PEN 300,000 × 0.295 + USD 50,000 = USD 254,500; in soles
		// 393,220.3390 + 300,000 + 169,491.5254 = 862,711.86.
		JsonNode requested = report.get("amountRequested");
		assertThat(requested.get("usd").decimalValue()).isEqualByComparingTo("254500.00");
		assertThat(requested.get("pen").decimalValue()).isEqualByComparingTo("862711.86");
		assertThat(requested.get("byCurrency")).hasSize(3);
		assertThat(requested.get("unconverted")).isEmpty();
		// EUR 80,000 × 1.16 = USD 92,800 = S/ 314,576.27.
		JsonNode obtained = report.get("amountObtained");
		assertThat(obtained.get("usd").decimalValue()).isEqualByComparingTo("92800.00");
		assertThat(obtained.get("pen").decimalValue()).isEqualByComparingTo("314576.27");
		assertThat(obtained.get("byCurrency").get(0).get("currency").asString()).isEqualTo("EUR");
		assertThat(report.get("rates").get("date").asString()).isEqualTo("2025-11-03");
		assertThat(report.get("rates").get("usdPerUnit").get("EUR").decimalValue()).isEqualByComparingTo("1.16");
		assertThat(report.get("rates").get("usdPerUnit").get("PEN").decimalValue()).isEqualByComparingTo("0.295");

		// Detected 1 February; submitted after 14, 20 and 24 days.
		JsonNode days = report.get("detectionToSubmission");
		assertThat(days.get("applications").asLong()).isEqualTo(3);
		assertThat(days.get("median").decimalValue()).isEqualByComparingTo("20");
		assertThat(days.get("mean").decimalValue()).isEqualByComparingTo("19.3");
	}

	@Test
	void matchesByVerdictAndTheRequirementsLimaFailsAgreeWithTheMatchApi() {
		Map<String, Long> verdicts = new TreeMap<>(Map.of("ELIGIBLE", 0L, "NEEDS_REVIEW", 0L, "NOT_ELIGIBLE", 0L));
		Map<String, Long> failed = new HashMap<>();
		Instant start = Instant.parse("2027-02-01T05:00:00Z");
		Instant end = Instant.parse("2027-04-01T05:00:00Z");
		for (String title : List.of("Fondo andino de ciclovías", "Programa de recuperación de centros históricos",
				"Fondo para áreas verdes urbanas", "Fondo de seguridad ciudadana")) {
			for (JsonNode match : api().get("/api/calls/" + api().callId(title) + "/matches")) {
				Instant seen = Instant.parse(match.get("firstSeenAt").asString());
				if (seen.isBefore(start) || !seen.isBefore(end)) {
					continue;
				}
				verdicts.merge(match.get("verdict").asString(), 1L, Long::sum);
				if (match.get("verdict").asString().equals("NOT_ELIGIBLE")) {
					match.get("reasons").forEach(reason -> {
						if (reason.get("severity").asString().equals("NOT_ELIGIBLE")) {
							failed.merge(reason.get("ruleId").asString(), 1L, Long::sum);
						}
					});
				}
			}
		}
		JsonNode report = api().get(PERIOD);

		Map<String, Long> reported = new TreeMap<>();
		report.get("matchesByVerdict").properties().forEach(e -> reported.put(e.getKey(), e.getValue().asLong()));
		assertThat(reported).isEqualTo(verdicts);
		assertThat(verdicts.values().stream().mapToLong(Long::longValue).sum()).isPositive();
		Map<String, Long> top = new LinkedHashMap<>();
		long previous = Long.MAX_VALUE;
		for (JsonNode reason : report.get("topNotEligibleReasons")) {
			long count = reason.get("matches").asLong();
			assertThat(count).as("most failed first").isLessThanOrEqualTo(previous);
			previous = count;
			top.put(reason.get("ruleId").asString(), count);
		}
		assertThat(top).isEqualTo(failed);
		// The call only NGOs may apply to: local governments are excluded, with its
		// label.
		JsonNode applicantType = null;
		for (JsonNode reason : report.get("topNotEligibleReasons")) {
			if (reason.get("ruleId").asString().equals("applicant-type-excluded")) {
				applicantType = reason;
			}
		}
		assertThat(applicantType).isNotNull();
		assertThat(applicantType.get("label").asString()).isEqualTo("Tipo de solicitante: no admite gobiernos locales");
	}

	@Test
	void aGerenciaOrAThemeNarrowsTheReport() {
		JsonNode prolima = api().get(PERIOD + "&gerencia=PROLIMA");
		assertThat(prolima.get("applications").get("started").asLong()).isEqualTo(2);
		assertThat(prolima.get("applications").get("submitted").asLong()).isEqualTo(2);
		assertThat(prolima.get("applications").get("awarded").asLong()).isZero();
		assertThat(prolima.get("applications").get("notAwarded").asLong()).isEqualTo(1);
		assertThat(prolima.get("successRate").get("value").decimalValue()).isEqualByComparingTo("0");
		// PEN 300,000 + USD 50,000: USD 88,500 + 50,000; S/ 300,000 + 169,491.53.
		assertThat(prolima.get("amountRequested").get("usd").decimalValue()).isEqualByComparingTo("138500.00");
		assertThat(prolima.get("amountRequested").get("pen").decimalValue()).isEqualByComparingTo("469491.53");
		assertThat(prolima.get("amountObtained").get("usd").decimalValue()).isEqualByComparingTo("0");
		assertThat(prolima.get("callsDetected").asLong()).as("calls with a match for PROLIMA")
			.isPositive()
			.isLessThan(4);

		JsonNode heritage = api().get(PERIOD + "&theme=heritage");
		assertThat(heritage.get("callsDetected").asLong()).isEqualTo(1);
		assertThat(heritage.get("applications").get("submitted").asLong()).isEqualTo(2);

		JsonNode gmu = api().get(PERIOD + "&gerencia=GMU");
		assertThat(gmu.get("applications").get("awarded").asLong()).isEqualTo(1);
		assertThat(gmu.get("successRate").get("value").decimalValue()).isEqualByComparingTo("1");
		assertThat(gmu.get("amountObtained").get("usd").decimalValue()).isEqualByComparingTo("92800.00");

		JsonNode nothingDecided = api().get(PERIOD.replace("to=2027-03-31", "to=2027-02-28"));
		assertThat(nothingDecided.get("successRate").get("value").isNull()).isTrue();
		assertThat(nothingDecided.get("amountObtained").get("pen").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void badQueriesAreRefusedInSpanish() {
		assertThat(problem(api().fetch("/api/reports/summary?from=2027-03-01&to=2027-02-01"), 400)).isEqualTo(
				"El periodo no es válido: «desde» (2027-03-01) debe ser anterior o igual a «hasta» (2027-02-01).");
		assertThat(problem(api().fetch("/api/reports/summary?gerencia=GXX"), 400))
			.isEqualTo("No existe la gerencia GXX.");
		assertThat(problem(api().fetch("/api/reports/summary?theme=astronomia"), 400))
			.isEqualTo("El tema «astronomia» no está en el vocabulario (reading/vocabulary.yaml).");
		assertThat(problem(api().fetch("/api/reports/summary?format=pdf"), 400))
			.isEqualTo("El formato «pdf» no existe: use json, csv o xlsx.");
		assertThat(problem(api().fetch("/api/reports/summary?from=ayer"), 400)).contains("from");
	}

	@Test
	void theCsvHoldsTheSameFiguresAsTheApi() {
		HttpResponse<String> response = api().fetch(PERIOD + "&format=csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
			.contains("informe-convoca-2027-02-01-2027-03-31.csv");
		List<String> lines = response.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFclave,seccion,indicador,valor,unidad");
		Map<String, String> values = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = csvCells(line);
			values.put(cells.get(0), cells.get(3));
		}
		assertFigures(values::get);
		assertThat(values.get("filter.funder")).isEqualTo(FUNDER);
	}

	@Test
	void theXlsxOpensAndHoldsTheSameFiguresAsTheApi() throws Exception {
		HttpResponse<byte[]> response = api().download(PERIOD + "&format=xlsx");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse(""))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		Map<String, Object> values = new HashMap<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
			var sheet = workbook.getFirstSheet();
			assertThat(sheet.getName()).isEqualTo("Resumen");
			List<Row> rows = sheet.read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("clave");
			for (Row row : rows.subList(1, rows.size())) {
				var cell = row.getCell(3);
				values.put(row.getCellText(0),
						cell == null ? null : cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
								? cell.asNumber() : cell.getText());
			}
		}
		assertThat(values.get("amountRequested.pen")).isInstanceOf(BigDecimal.class);
		assertFigures(key -> values.get(key) == null ? null : String.valueOf(values.get(key)));
	}

	@Test
	void theAwardsOfThePeriodArePublishedAs360GivingGrants() {
		JsonNode giving = api().get(GIVING);

		assertThat(giving.get("version").asString()).isEqualTo("1.4");
		assertThat(giving.get("publisher").get("name").asString()).isEqualTo("Municipalidad Metropolitana de Lima");
		// Only the award of the period: B was not awarded, D is still waiting, E came
		// later.
		assertThat(giving.get("grants")).hasSize(1);
		JsonNode grant = giving.get("grants").get(0);
		for (String required : List.of("id", "title", "description", "currency", "amountAwarded", "awardDate",
				"recipientOrganization", "fundingOrganization")) {
			assertThat(grant.has(required)).as(required).isTrue();
		}
		assertThat(grant.get("id").asString()).isEqualTo("360G-convoca-mml-" + this.cycleMatch);
		assertThat(grant.get("title").asString()).startsWith("Red de ciclovías metropolitanas");
		assertThat(grant.get("currency").asString()).isEqualTo("EUR");
		assertThat(grant.get("amountAwarded").decimalValue()).isEqualByComparingTo("80000");
		assertThat(grant.get("amountAppliedFor").decimalValue()).isEqualByComparingTo("100000");
		assertThat(grant.get("awardDate").asString()).isEqualTo("2027-03-09");
		assertThat(grant.get("plannedDates").get(0).get("duration").asString()).isEqualTo("30");
		JsonNode recipient = grant.get("recipientOrganization").get(0);
		assertThat(recipient.get("id").asString()).isEqualTo("PE-RUC-20131380951");
		assertThat(recipient.get("addressCountry").asString()).isEqualTo("PE");
		assertThat(recipient.get("department").asString()).isNotBlank();
		JsonNode funder = grant.get("fundingOrganization").get(0);
		assertThat(funder.get("name").asString()).isEqualTo(FUNDER);
		assertThat(funder.get("id").asString()).isEqualTo("360G-convoca-mml-org-fondo-informe-prueba");
		assertThat(grant.get("grantProgramme").get(0).get("title").asString()).startsWith("Fondo andino de ciclovías");
		assertThat(grant.get("fromOpenCall").asString()).isEqualTo("Yes");

		assertThat(api().get(GIVING.replace("2027-02-01", "2027-03-10")).get("grants")).isEmpty();
		assertThat(problem(api().fetch(GIVING + "&format=pdf"), 400)).contains("pdf");
	}

	@Test
	void the360GivingSpreadsheetHasTheStandardsColumnTitles() throws Exception {
		HttpResponse<String> csv = api().fetch(GIVING + "&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
			.contains("360giving-convoca-2027-02-01-2027-03-31.csv");
		List<String> lines = csv.body().lines().toList();
		List<String> header = csvCells(lines.get(0).replace("\uFEFF", ""));
		assertThat(header)
			.startsWith("Identifier", "Title", "Description", "Currency", "Amount Applied For", "Amount Awarded",
					"Award Date")
			.contains("Recipient Org:Identifier", "Funding Org:Name", "Grant Programme:Title");
		assertThat(lines).hasSize(2);
		List<String> row = csvCells(lines.get(1));
		assertThat(new BigDecimal(row.get(header.indexOf("Amount Awarded")))).isEqualByComparingTo("80000");
		assertThat(row.get(header.indexOf("Funding Org:Name"))).isEqualTo(FUNDER);

		HttpResponse<byte[]> xlsx = api().download(GIVING + "&format=xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(workbook.getFirstSheet().getName()).isEqualTo("grants");
			assertThat(rows.get(0).getCellText(0)).isEqualTo("Identifier");
			assertThat(rows.get(1).getCell(header.indexOf("Amount Awarded")).asNumber()).isEqualByComparingTo("80000");
		}
	}

	@Test
	void theReportPageShowsTheFiguresAndChartsToALoggedInUser() {
		PageSession page = new PageSession(this.port);
		assertThat(page.logIn(OWNER, OWNER_PASSWORD)).isTrue();

		HttpResponse<String> response = page
			.get("/informes?from=2027-02-01&to=2027-03-31&funder=" + URLEncoder.encode(FUNDER, StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(200);
		String html = response.body();
		assertThat(html).contains("<h1>Avance y beneficio de la cooperación</h1>", "Del 01/02/2027 al 31/03/2027",
				"50 %", "S/\u00a0314,576.27", "USD\u00a092,800.00", "S/\u00a0862,711.86", "USD\u00a0254,500.00",
				"Tipo de solicitante: no admite gobiernos locales", "1 EUR = 1.16 USD");
		assertThat(html.split("<svg", -1)).as("four charts").hasSize(5);
		assertThat(html).contains(
				"/api/reports/summary?from=2027-02-01&amp;to=2027-03-31&amp;funder=Fondo%20Informe%20Prueba&amp;format=xlsx",
				"/api/reports/360giving?from=2027-02-01&amp;to=2027-03-31&amp;funder=Fondo%20Informe%20Prueba&amp;format=json");
		// The charts are SVG drawn on the server: no script of their own, nothing inline
		// (the layout's shared scripts load from /js/).
		assertThat(html.replaceAll("<script src=\"/js/[a-z-]+\\.js\" defer></script>", "")).doesNotContain("<script");

		HttpResponse<String> english = page.get("/informes?lang=en&from=2027-02-01&to=2027-03-31");
		assertThat(english.body()).contains("Progress and benefit of cooperation");
		HttpResponse<String> wrong = page.get("/informes?from=2027-04-01&to=2027-02-01");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("The period is not valid");
		assertThat(page.get("/informes?lang=es&from=ayer").body()).contains("«ayer» no es una fecha válida");
	}

	/** The figures of the data set, as the downloads write them (plain numbers). */
	private void assertFigures(java.util.function.Function<String, String> value) {
		JsonNode report = api().get(PERIOD);
		assertThat(number(value.apply("callsDetected"))).isEqualByComparingTo("4");
		assertThat(number(value.apply("applications.started"))).isEqualByComparingTo("3");
		assertThat(number(value.apply("applications.submitted"))).isEqualByComparingTo("3");
		assertThat(number(value.apply("applications.awarded"))).isEqualByComparingTo("1");
		assertThat(number(value.apply("applications.notAwarded"))).isEqualByComparingTo("1");
		assertThat(number(value.apply("applications.discarded"))).isEqualByComparingTo("1");
		assertThat(number(value.apply("successRate"))).isEqualByComparingTo("0.5");
		assertThat(number(value.apply("amountRequested.pen"))).isEqualByComparingTo("862711.86");
		assertThat(number(value.apply("amountRequested.usd"))).isEqualByComparingTo("254500");
		assertThat(number(value.apply("amountObtained.pen"))).isEqualByComparingTo("314576.27");
		assertThat(number(value.apply("amountObtained.usd"))).isEqualByComparingTo("92800");
		assertThat(number(value.apply("amountObtained.given.EUR"))).isEqualByComparingTo("80000");
		assertThat(number(value.apply("rates.usdPer.PEN"))).isEqualByComparingTo("0.295");
		assertThat(number(value.apply("detectionToSubmission.median"))).isEqualByComparingTo("20");
		assertThat(number(value.apply("detectionToSubmission.mean"))).isEqualByComparingTo("19.3");
		report.get("matchesByVerdict")
			.properties()
			.forEach(e -> assertThat(number(value.apply("matches." + e.getKey())))
				.isEqualByComparingTo(String.valueOf(e.getValue().asLong())));
		for (JsonNode reason : report.get("topNotEligibleReasons")) {
			assertThat(number(value.apply("notEligible." + reason.get("ruleId").asString())))
				.isEqualByComparingTo(String.valueOf(reason.get("matches").asLong()));
		}
	}

	private String problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return api().json(response).get("detail").asString();
	}

	private static BigDecimal number(String text) {
		assertThat(text).isNotNull();
		return new BigDecimal(text);
	}

	/** The cells of one CSV line (quoted fields with doubled quotes). */
	private static List<String> csvCells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
