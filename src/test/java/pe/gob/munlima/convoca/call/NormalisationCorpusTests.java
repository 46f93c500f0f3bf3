package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normaliser against the real third-party data of ../shared/corpus (read in place,
 * never copied): each file's records are turned into raw calls the way a source
 * definition maps them (structured fields by canonical name, text as summary), and the
 * facts that come out are checked with counts and exact values. The crawler's extraction
 * of the same files is tested in the crawl module.
 */
@EnabledIf("corpusPresent")
class NormalisationCorpusTests {

	static final Path CORPUS = Path.of("..", "shared", "corpus");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CallNormaliser NORMALISER = CallNormaliserTests.NORMALISER;

	static boolean corpusPresent() {
		return Files.isDirectory(CORPUS);
	}

	// --- GBIF BID call pages, English and Spanish (Markdown) ---

	@Test
	void gbifSpanishAndEnglishPagesGiveTheSameDeadlineWithItsTimeAndZone() throws IOException {
		SourceInfo gbif = new SourceInfo("gbif-bid", "GBIF", null, ZoneId.of("Europe/Copenhagen"));
		Instant deadline = Instant.parse("2016-11-10T08:00:00Z");
		for (String page : List.of("03-regional-grants", "04-national-grants", "05-small-grants")) {
			for (String language : List.of("en", "es")) {
				NormalisedCall call = NORMALISER.normalise(gbif, markdown("caribbean2016_" + page + "_" + language));

				assertThat(call.deadline()).as("%s %s", page, language).isEqualTo(deadline);
				assertThat(call.deadlineZone()).isEqualTo("CET");
				assertThat(call.language()).isEqualTo(language);
				assertThat(call.evidence().get("deadline")).contains("9:00am CET");
			}
		}
	}

	@Test
	void gbifPagesStateTheGrantSizeInEuros() throws IOException {
		SourceInfo gbif = new SourceInfo("gbif-bid", "GBIF", null, ZoneId.of("Europe/Copenhagen"));
		NormalisedCall national = NORMALISER.normalise(gbif, markdown("caribbean2016_04-national-grants_en"));
		System.out.println("GBIF national: " + national.amountMin() + " " + national.amountMax() + " "
				+ national.totalBudget() + " " + national.currency() + " " + national.evidence());
		NormalisedCall small = NORMALISER.normalise(gbif, markdown("caribbean2016_05-small-grants_es"));

		assertThat(national.amountMax()).isEqualByComparingTo("60000");
		assertThat(national.currency()).isEqualTo("EUR");
		assertThat(national.durationMonthsMax()).isEqualTo(18);
		assertThat(small.amountMax()).isEqualByComparingTo("5000");
		assertThat(small.currency()).isEqualTo("EUR");
		assertThat(small.durationMonthsMax()).isEqualTo(12);
	}

	// --- EU Funding & Tenders Portal ---

	@Test
	void euGrantsSnapshotGivesDeadlinesBudgetsAndStatusesForEveryTopic() throws IOException {
		SourceInfo eu = new SourceInfo("eu-funding-tenders", "European Commission", "en", ZoneId.of("Europe/Brussels"));
		List<NormalisedCall> calls = new ArrayList<>();
		for (JsonNode grant : json("eu-ft-portal-sedia-derived/grants.json").get("grants")) {
			calls.add(NORMALISER.normalise(eu, euGrant(grant)));
		}

		assertThat(calls).hasSize(932);
		assertThat(calls).filteredOn(c -> c.deadline() != null).hasSize(932);
		assertThat(calls).filteredOn(c -> c.totalBudget() != null).hasSize(748);
		assertThat(calls).allMatch(c -> c.totalBudget() == null || "EUR".equals(c.currency()));
		assertThat(count(calls, NormalisedCall::sourceStatus)).containsEntry("OPEN", 535L)
			.containsEntry("FORTHCOMING", 397L);
		assertThat(calls).allMatch(c -> "GRANT".equals(c.instrument()) || c.instrument() == null);
		NormalisedCall energy = find(calls, "HORIZON-CL5-2027-07-D3-28");
		// deadlineDate 2027-12-01T00:00:00.000Z is the day 1 December 2027: open until it
		// ends in Brussels.
		assertThat(energy.deadline()).isEqualTo(Instant.parse("2027-12-01T22:59:59Z"));
		assertThat(energy.opensAt()).isEqualTo(Instant.parse("2027-08-03T22:00:00Z"));
		assertThat(energy.totalBudget()).isEqualByComparingTo("6000000");
		assertThat(energy.amountMin()).isEqualByComparingTo("6000000");
		assertThat(energy.amountMax()).isEqualByComparingTo("6000000");
		assertThat(energy.sourceStatus()).isEqualTo("FORTHCOMING");
		assertThat(energy.programme()).isEqualTo("Horizon Europe (HORIZON)");
	}

	@Test
	void euSearchResponseDeadlinesAreTheDaysItsBudgetOverviewStates() throws IOException {
		SourceInfo eu = new SourceInfo("eu-search", "European Commission", null, ZoneId.of("Europe/Brussels"));
		JsonNode results = json("eu-ft-portal-sedia-search-json/response.json").get("results");
		DateReader reader = new DateReader(DateOrder.DAY_FIRST);
		int checked = 0;
		for (JsonNode result : results) {
			JsonNode metadata = result.get("metadata");
			String identifier = metadata.get("identifier").get(0).asString();
			Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
			fields.put(RawField.REFERENCE, List.of(identifier));
			fields.put(RawField.STATUS, strings(metadata.get("status")));
			fields.put(RawField.DEADLINE, strings(metadata.get("deadlineDate")));
			fields.put(RawField.OPENS_AT, strings(metadata.get("startDate")));
			fields.put(RawField.LANGUAGE, List.of(result.get("language").asString()));
			NormalisedCall call = NORMALISER.normalise(eu, new RawCall(identifier,
					metadata.get("title").get(0).asString(), result.get("url").asString(), "", null, fields));

			JsonNode overview = JSON.readTree(metadata.get("budgetOverview").get(0).asString());
			for (var actions : overview.get("budgetTopicActionMap").properties()) {
				for (JsonNode action : actions.getValue()) {
					if (action.get("action").asString().startsWith(identifier + " ")) {
						LocalDate stated = reader.value(action.get("deadlineDates").get(0).asString()).date();
						assertThat(call.deadline().atZone(ZoneId.of("Europe/Brussels")).toLocalDate()).as(identifier)
							.isEqualTo(stated);
						checked++;
					}
				}
			}
			assertThat(call.sourceStatus()).isEqualTo("CLOSED");
			// Every record says "bg", the text is English: the declared language is not
			// one of the four, so the title decides.
			assertThat(call.language()).as(identifier).isIn("en", null);
		}
		assertThat(checked).isEqualTo(10);
	}

	// --- Grants.gov ---

	@Test
	void grantsGovSearchHitsGiveCloseDatesInUsOrderAndStatuses() throws IOException {
		SourceInfo grantsGov = new SourceInfo("grants-gov", "Grants.gov", "en", ZoneId.of("America/New_York"), "en-US",
				SourceInfo.SourceRole.FUNDER);
		List<NormalisedCall> calls = new ArrayList<>();
		for (JsonNode hit : json("grantsgov-search-json/oportunity.json").get("oppHits")) {
			calls.add(NORMALISER.normalise(grantsGov, grantsGovHit(hit)));
		}
		for (JsonNode hit : json("grantsgov-search2-json/search2_community.json").get("data").get("oppHits")) {
			calls.add(NORMALISER.normalise(grantsGov, grantsGovHit(hit)));
		}

		assertThat(calls).hasSize(30);
		assertThat(calls).filteredOn(c -> c.deadline() != null).hasSize(24);
		assertThat(count(calls, NormalisedCall::sourceStatus)).containsEntry("OPEN", 26L)
			.containsEntry("FORTHCOMING", 4L);
		NormalisedCall roses = find(calls, "NNH20ZDA001N-EPRV");
		assertThat(roses.deadline()).isEqualTo(Instant.parse("2020-12-18T04:59:59Z"));
		assertThat(roses.opensAt()).isEqualTo(Instant.parse("2020-10-09T04:00:00Z"));
		assertThat(find(calls, "O-COPS-2026-172559").deadline()).isEqualTo(Instant.parse("2026-08-18T03:59:59Z"));
		assertThat(find(calls, "AFPRA-20-04").deadline()).isNull();
	}

	@Test
	void grantsGovDetailsGiveTheAwardCeilingApplicantCodesAndInstrument() throws IOException {
		SourceInfo grantsGov = new SourceInfo("grants-gov", "Grants.gov", "en", ZoneId.of("America/New_York"), "en-US",
				SourceInfo.SourceRole.FUNDER);
		NormalisedCall nih = NORMALISER.normalise(grantsGov,
				grantsGovDetails(json("grantsgov-fetchopportunity-legacy-json/demo_post_PAR-21-168.json")));
		NormalisedCall ies = NORMALISER.normalise(grantsGov,
				grantsGovDetails(json("grantsgov-fetchopportunity-legacy-json/ies_sample_2.js")));

		assertThat(nih.reference()).isEqualTo("PAR-21-168");
		assertThat(nih.amountMax()).isEqualByComparingTo("125000");
		assertThat(nih.amountMin()).isNull();
		assertThat(nih.currency()).isEqualTo("USD");
		// "May 07, 2024 12:00:00 AM EDT": the day, open until 23:59:59 New York time.
		assertThat(nih.deadline()).isEqualTo(Instant.parse("2024-05-08T03:59:59Z"));
		assertThat(nih.applicantTypes()).containsExactlyInAnyOrder("NGO", "COMPANY", "UNIVERSITY", "LOCAL_GOVERNMENT",
				"PUBLIC_BODY", "REGIONAL_GOVERNMENT");
		assertThat(nih.instrument()).isEqualTo("GRANT");
		assertThat(nih.reimbursable()).isFalse();
		assertThat(nih.coFinancingPct()).isZero();
		// awardCeiling and awardFloor "none": no amount, and no currency without one.
		assertThat(ies.amountMax()).isNull();
		assertThat(ies.currency()).isNull();
		assertThat(ies.deadline()).isEqualTo(Instant.parse("2016-08-05T03:59:59Z"));
		// No applicant codes in this record: the synopsis text says who may apply.
		assertThat(ies.evidence().get("applicantTypes")).doesNotStartWith("APPLICANT_TYPES");
	}

	@Test
	void grantsGovExtractDatesAndAmountsSurviveTheSpreadsheet() throws IOException {
		SourceInfo extract = new SourceInfo("grants-gov-extract", "Grants.gov", "en", ZoneId.of("America/New_York"),
				"en-US", SourceInfo.SourceRole.FUNDER);
		List<Map<String, String>> rows = csv("grantsgov-xml-extract-as-csv/grantsgov_export.csv");
		List<NormalisedCall> calls = new ArrayList<>();
		for (Map<String, String> row : rows) {
			Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
			fields.put(RawField.REFERENCE, List.of(row.get("OpportunityNumber")));
			fields.put(RawField.DEADLINE, List.of(row.get("CloseDate")));
			fields.put(RawField.OPENS_AT, List.of(row.get("PostDate")));
			fields.put(RawField.AMOUNT_MAX, List.of(row.get("AwardCeiling")));
			fields.put(RawField.AMOUNT_MIN, List.of(row.get("AwardFloor")));
			fields.put(RawField.TOTAL_BUDGET, List.of(row.get("EstimatedTotalProgramFunding")));
			fields.put(RawField.CURRENCY, List.of("USD"));
			fields.put(RawField.APPLICANT_TYPES, List.of(row.get("EligibleApplicants")));
			fields.put(RawField.INSTRUMENT, List.of(row.get("FundingInstrumentType")));
			calls.add(NORMALISER.normalise(extract, new RawCall(row.get("OpportunityID"), row.get("OpportunityTitle"),
					row.get("AdditionalInformationURL"), row.get("Description"), null, fields)));
		}

		assertThat(calls).hasSize(600);
		// 585 rows have a CloseDate, written MMDDYYYY and stripped of its leading zero.
		assertThat(calls.stream().filter(c -> c.deadline() != null).count()).isEqualTo(585);
		assertThat(calls.get(0).deadline().atZone(ZoneId.of("America/New_York")).toLocalDate())
			.isEqualTo(LocalDate.of(2022, 1, 12));
		assertThat(count(calls, NormalisedCall::instrument)).containsEntry("GRANT", 394L)
			.containsEntry("COOPERATIVE_AGREEMENT", 181L)
			.containsEntry("OTHER", 18L)
			.containsEntry("PROCUREMENT", 7L);
		// Every row with a positive AwardCeiling or AwardFloor is read from its fields
		// ("0.0"
		// and blanks are not); 439 ceilings, and the description gives a ceiling for 17
		// more.
		assertThat(calls.stream().filter(c -> c.evidence().getOrDefault("amount", "").startsWith("AMOUNT_")).count())
			.isEqualTo(453);
		assertThat(calls.stream().filter(c -> c.amountMax() != null).count()).isEqualTo(456);
		// "2.0" is code 02, city or township governments, once the zero is put back.
		assertThat(calls)
			.filteredOn(c -> c.evidence().getOrDefault("applicantTypes", "").equals("APPLICANT_TYPES: 2.0"))
			.singleElement()
			.satisfies(c -> assertThat(c.applicantTypes()).containsExactly("LOCAL_GOVERNMENT"));
		// Code 25 alone ("see the text") leaves the text to tell, or the type unknown.
		assertThat(calls.stream().filter(c -> c.applicantTypes() != null).count()).isEqualTo(269);
	}

	// --- SICON Bogotá (Spanish, municipal) ---

	@Test
	void siconCallsGiveColombianPesosAndTheirClosingDatesInBogota() throws IOException {
		SourceInfo sicon = new SourceInfo("sicon-bogota", "Secretaría de Cultura de Bogotá", "es",
				ZoneId.of("America/Bogota"), "es-CO", SourceInfo.SourceRole.FUNDER);
		List<NormalisedCall> calls = new ArrayList<>();
		for (JsonNode item : json("sicon-colombia-convocatorias-json/convocatorias_publicadas_page1.json")) {
			calls.add(NORMALISER.normalise(sicon, sicon(item)));
		}

		NormalisedCall beca = find(calls, "3731");
		assertThat(beca.deadline()).isEqualTo(Instant.parse("2026-08-27T22:00:00Z"));
		assertThat(beca.deadlineZone()).isEqualTo("America/Bogota");
		assertThat(beca.opensAt()).isEqualTo(Instant.parse("2026-07-28T05:00:00Z"));
		assertThat(beca.keyDates()).extracting(KeyDate::label).contains("Fecha de cierre", "Fecha de apertura");
		assertThat(beca.totalBudget()).isEqualByComparingTo("350000000");
		assertThat(beca.currency()).isEqualTo("COP");
		assertThat(beca.amountMax()).isEqualByComparingTo("25000000");
		assertThat(beca.sourceStatus()).isEqualTo("OPEN");
		assertThat(beca.language()).isEqualTo("es");
		NormalisedCall jurados = find(calls, "3725");
		assertThat(jurados.sourceStatus()).isEqualTo("CLOSED");
		assertThat(jurados.totalBudget()).as("\"$ 0\" is no budget").isNull();
		assertThat(jurados.deadline()).isEqualTo(Instant.parse("2026-06-18T22:00:00Z"));
		assertThat(find(calls, "3714").deadline()).isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
	}

	// --- GrantForward (aggregator export, XML) ---

	@Test
	void grantForwardAmountsAreReadFromTheirTextInDollars() throws Exception {
		SourceInfo grantForward = new SourceInfo("grantforward", "GrantForward", "en", ZoneId.of("America/New_York"),
				"en-US", SourceInfo.SourceRole.AGGREGATOR);
		List<NormalisedCall> calls = new ArrayList<>();
		var factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		var document = factory.newDocumentBuilder()
			.parse(CORPUS.resolve("grantforward-export-xml/grants.xml").toFile());
		NodeList grants = document.getElementsByTagName("grant");
		for (int i = 0; i < grants.getLength(); i++) {
			calls.add(NORMALISER.normalise(grantForward, grantForward((Element) grants.item(i))));
		}

		assertThat(calls).hasSize(42);
		assertThat(count(calls, NormalisedCall::sourceStatus)).containsEntry("CLOSED", 42L);
		NormalisedCall nigeria = find(calls, "83900");
		assertThat(nigeria.amountMax()).isEqualByComparingTo("15000000");
		assertThat(nigeria.amountMin()).isEqualByComparingTo("300000");
		assertThat(nigeria.totalBudget()).isEqualByComparingTo("30000000");
		assertThat(nigeria.currency()).isEqualTo("USD");
		assertThat(nigeria.instrument()).isEqualTo("COOPERATIVE_AGREEMENT");
		NormalisedCall range = find(calls, "268763");
		assertThat(range.amountMin()).isEqualByComparingTo("5000");
		assertThat(range.amountMax()).isEqualByComparingTo("20000");
		assertThat(range.keyDates()).hasSize(2);
		// "up to 500,000" lost its currency sign in the export: not read.
		assertThat(find(calls, "298510").currency()).isNull();
		assertThat(calls).filteredOn(c -> "USD".equals(c.currency())).hasSize(29);
		assertThat(calls).filteredOn(c -> c.deadline() != null).hasSize(30);
	}

	// --- Procurement: World Bank notices and SECOP II (not funding) ---

	@Test
	void worldBankNoticesAndSecopProcessesAreProcurementNotGrants() throws IOException {
		SourceInfo worldBank = new SourceInfo("world-bank", "World Bank", null, ZoneId.of("America/New_York"));
		List<NormalisedCall> byField = new ArrayList<>();
		List<NormalisedCall> byText = new ArrayList<>();
		for (JsonNode notice : json("worldbank-procnotices-json/procnotices_page1.json")) {
			String id = notice.get("id").asString();
			String title = notice.get("bid_description").asString();
			String text = notice.get("notice_text").asString("");
			byField.add(NORMALISER.normalise(worldBank, new RawCall(id, title, null, text, null,
					Map.of(RawField.INSTRUMENT, List.of(notice.get("notice_type").asString())))));
			byText.add(NORMALISER.normalise(worldBank, new RawCall(id, title, null, text, null)));
		}
		SourceInfo secop = new SourceInfo("secop", "SECOP II", "es", ZoneId.of("America/Bogota"), "es-CO",
				SourceInfo.SourceRole.AGGREGATOR);
		List<NormalisedCall> processes = new ArrayList<>();
		for (JsonNode process : json("secop2-colombia-json/page1_tecnologia_2026.json")) {
			processes.add(NORMALISER.normalise(secop, new RawCall(process.get("id_del_proceso").asString(),
					process.get("nombre_del_procedimiento").asString(), null,
					process.get("descripci_n_del_procedimiento").asString(""), null,
					Map.of(RawField.INSTRUMENT,
							List.of(process.get("modalidad_de_contratacion").asString(),
									process.get("tipo_de_contrato").asString()),
							RawField.AMOUNT_MAX, List.of(process.get("precio_base").asString()), RawField.CURRENCY,
							List.of("COP")))));
		}

		assertThat(byField).extracting(NormalisedCall::instrument).containsOnly("PROCUREMENT");
		assertThat(byField).extracting(NormalisedCall::reimbursable).containsOnlyNulls();
		// Without the notice type, the notices' own words say it.
		assertThat(byText).extracting(NormalisedCall::instrument).containsOnly("PROCUREMENT");
		assertThat(processes).hasSize(12).extracting(NormalisedCall::instrument).containsOnly("PROCUREMENT");
	}

	// --- helpers: records mapped to canonical fields as a source definition would ---

	private static RawCall markdown(String name) throws IOException {
		String text = Files.readString(CORPUS.resolve("gbif-bid-call-pages-md/" + name + ".md"),
				StandardCharsets.UTF_8);
		String[] parts = text.split("(?m)^---\\s*$", 3);
		String body = parts.length == 3 ? parts[2] : text;
		String title = parts.length == 3 ? parts[1].lines()
			.filter(line -> line.startsWith("title:"))
			.map(line -> line.substring(6).strip())
			.findFirst()
			.orElse(name) : name;
		String html = body.lines()
			.filter(line -> !line.isBlank())
			.map(line -> "<p>" + line.replace("<", "&lt;") + "</p>")
			.collect(Collectors.joining());
		return new RawCall(name, title, "https://www.gbif.org/" + name, html, null);
	}

	private static RawCall euGrant(JsonNode grant) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(grant.get("identifier").asString()));
		fields.put(RawField.STATUS, List.of(grant.get("status").get("id").asString()));
		fields.put(RawField.DEADLINE, List.of(grant.get("deadlineDate").asString("")));
		fields.put(RawField.OPENS_AT, List.of(grant.get("startDate").asString("")));
		fields.put(RawField.INSTRUMENT, List.of(grant.get("kind").get("label").asString()));
		fields.put(RawField.PROGRAMME, strings(grant.get("frameworkProgrammes"), "label"));
		JsonNode budget = grant.get("budget");
		if (budget != null && !budget.isNull()) {
			fields.put(RawField.TOTAL_BUDGET, List.of(budget.path("totalBudgetEur").asString("")));
			fields.put(RawField.AMOUNT_MIN, List.of(budget.path("minContributionEur").asString("")));
			fields.put(RawField.AMOUNT_MAX, List.of(budget.path("maxContributionEur").asString("")));
			fields.put(RawField.CURRENCY, List.of("EUR"));
		}
		fields.put(RawField.THEMES, List.of(grant.get("searchText").asString("")));
		return new RawCall(grant.get("identifier").asString(), grant.get("title").asString(),
				grant.get("url").asString(), grant.get("summary").asString(""), null, fields);
	}

	private static RawCall grantsGovHit(JsonNode hit) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(hit.get("number").asString()));
		fields.put(RawField.DEADLINE, List.of(hit.get("closeDate").asString("")));
		fields.put(RawField.OPENS_AT, List.of(hit.get("openDate").asString("")));
		fields.put(RawField.STATUS, List.of(hit.get("oppStatus").asString()));
		fields.put(RawField.FUNDER, List.of(hit.get("agency").asString(hit.path("agencyName").asString(""))));
		return new RawCall(hit.get("number").asString(), hit.get("title").asString(),
				"https://www.grants.gov/search-results-detail/" + hit.get("id").asString(), "", null, fields);
	}

	private static RawCall grantsGovDetails(JsonNode details) {
		JsonNode synopsis = details.get("synopsis");
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.REFERENCE, List.of(details.get("opportunityNumber").asString()));
		fields.put(RawField.DEADLINE, List.of(synopsis.get("responseDate").asString("")));
		fields.put(RawField.OPENS_AT, List.of(synopsis.get("postingDate").asString("")));
		fields.put(RawField.AMOUNT_MAX, List.of(synopsis.get("awardCeiling").asString("")));
		fields.put(RawField.AMOUNT_MIN, List.of(synopsis.get("awardFloor").asString("")));
		fields.put(RawField.CURRENCY, List.of("USD"));
		fields.put(RawField.APPLICANT_TYPES, strings(synopsis.get("applicantTypes"), "id"));
		fields.put(RawField.INSTRUMENT, strings(synopsis.get("fundingInstruments"), "id"));
		fields.put(RawField.CO_FINANCING, List.of(synopsis.get("costSharing").asString("")));
		fields.put(RawField.ELIGIBILITY, List.of(synopsis.path("applicantEligibilityDesc").asString("")));
		return new RawCall(details.get("opportunityNumber").asString(), details.get("opportunityTitle").asString(),
				null, synopsis.path("synopsisDesc").asString(""), null, fields);
	}

	private static RawCall sicon(JsonNode item) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		List<String> deadlines = new ArrayList<>();
		List<String> openings = new ArrayList<>();
		for (JsonNode event : item.get("cronograma")) {
			String kind = event.get("tipo_evento").asString();
			String value = kind + ": " + event.get("fecha_inicio").asString();
			if (kind.equals("Fecha de cierre")) {
				deadlines.add(value);
			}
			else if (kind.equals("Fecha de apertura")) {
				openings.add(value);
			}
		}
		fields.put(RawField.DEADLINE, deadlines);
		fields.put(RawField.OPENS_AT, openings);
		fields.put(RawField.TOTAL_BUDGET,
				List.of(item.get("distribucion_estimulos").get("valor_total_estimulos").asString()));
		fields.put(RawField.STATUS, List.of(item.get("estado").asString()));
		fields.put(RawField.FUNDER, List.of(item.get("entidad").asString()));
		fields.put(RawField.THEMES, List.of(item.get("area").asString()));
		String html = item.get("justificacion").asString("") + "<p>"
				+ item.get("distribucion_estimulos").get("descripcion_bolsa").asString("") + "</p>";
		return new RawCall(item.get("id").asString(), item.get("nombre").asString(), null, html, null, fields);
	}

	private static RawCall grantForward(Element grant) {
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		fields.put(RawField.AMOUNT, List.of(text(grant, "amount_info")));
		fields.put(RawField.STATUS, List.of(text(grant, "status")));
		fields.put(RawField.INSTRUMENT, List.of(text(grant, "site_grant_type")));
		fields.put(RawField.ELIGIBILITY, List.of(text(grant, "eligibility")));
		List<String> deadlines = new ArrayList<>();
		NodeList nodes = grant.getElementsByTagName("deadline");
		for (int i = 0; i < nodes.getLength(); i++) {
			deadlines.add(nodes.item(i).getTextContent());
		}
		fields.put(RawField.DEADLINE, deadlines);
		String amountInfo = text(grant, "amount_info").replace("\n", "</p><p>");
		return new RawCall(grant.getAttribute("id"), text(grant, "title"), text(grant, "url"),
				"<p>" + text(grant, "description").replace("\n", "</p><p>") + "</p><p>" + amountInfo + "</p>", null,
				fields);
	}

	private static String text(Element parent, String tag) {
		NodeList nodes = parent.getElementsByTagName(tag);
		return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
	}

	private static JsonNode json(String file) throws IOException {
		return JSON.readTree(Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach(node -> values.add(node.asString()));
		}
		return values;
	}

	private static List<String> strings(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach(node -> values.add(node.get(field).asString()));
		}
		return values;
	}

	/** A small CSV reader: quoted fields may hold commas, quotes and line breaks. */
	static List<Map<String, String>> csv(String file) throws IOException {
		String content = Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8);
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else if (c != '\r') {
				field.append(c);
			}
		}
		if (!record.isEmpty() || field.length() > 0) {
			record.add(field.toString());
			records.add(record);
		}
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> values : records.subList(1, records.size())) {
			Map<String, String> row = new java.util.HashMap<>();
			for (int i = 0; i < header.size() && i < values.size(); i++) {
				row.put(header.get(i), values.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	private static NormalisedCall find(List<NormalisedCall> calls, String externalIdOrReference) {
		return calls.stream()
			.filter(c -> externalIdOrReference.equals(c.externalId()) || externalIdOrReference.equals(c.reference()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no call " + externalIdOrReference));
	}

	private static Map<String, Long> count(List<NormalisedCall> calls, Function<NormalisedCall, String> fact) {
		return calls.stream().collect(Collectors.groupingBy(c -> String.valueOf(fact.apply(c)), Collectors.counting()));
	}

}
