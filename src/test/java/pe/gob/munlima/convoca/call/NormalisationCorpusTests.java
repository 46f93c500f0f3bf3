package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static pe.gob.munlima.convoca.call.ReadingFiles.DATES;
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CallNormaliser NORMALISER = CallNormaliserTests.NORMALISER;

	static boolean corpusPresent() {
		return CorpusRecords.present();
	}

	// --- GBIF BID call pages, English and Spanish (Markdown) ---

	@Test
	void gbifSpanishAndEnglishPagesGiveTheSameDeadlineWithItsTimeAndZone() throws IOException {
		SourceInfo gbif = new SourceInfo("gbif-bid", "GBIF", null, ZoneId.of("Europe/Copenhagen"));
		Instant deadline = Instant.parse("2016-11-10T08:00:00Z");
		for (String page : List.of("03-regional-grants", "04-national-grants", "05-small-grants")) {
			for (String language : List.of("en", "es")) {
				NormalisedCall call = NORMALISER.normalise(gbif,
						CorpusRecords.markdown("caribbean2016_" + page + "_" + language));

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
		NormalisedCall national = NORMALISER.normalise(gbif,
				CorpusRecords.markdown("caribbean2016_04-national-grants_en"));
		NormalisedCall small = NORMALISER.normalise(gbif, CorpusRecords.markdown("caribbean2016_05-small-grants_es"));

		assertThat(national.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("60000");
		assertThat(national.requirements().<String>value("currency")).isEqualTo("EUR");
		assertThat(national.requirements().<Integer>value("durationMonthsMax")).isEqualTo(18);
		assertThat(small.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("5000");
		assertThat(small.requirements().<String>value("currency")).isEqualTo("EUR");
		assertThat(small.requirements().<Integer>value("durationMonthsMax")).isEqualTo(12);
	}

	// --- EU Funding & Tenders Portal ---

	@Test
	void euGrantsSnapshotGivesDeadlinesBudgetsAndStatusesForEveryTopic() throws IOException {
		SourceInfo eu = new SourceInfo("eu-funding-tenders", "European Commission", "en", ZoneId.of("Europe/Brussels"));
		List<NormalisedCall> calls = new ArrayList<>();
		for (JsonNode grant : CorpusRecords.json("eu-ft-portal-sedia-derived/grants.json").get("grants")) {
			calls.add(NORMALISER.normalise(eu, CorpusRecords.euGrant(grant)));
		}

		assertThat(calls).hasSize(932);
		assertThat(calls).filteredOn(c -> c.deadline() != null).hasSize(932);
		assertThat(calls).filteredOn(c -> c.requirements().<BigDecimal>value("totalBudget") != null).hasSize(748);
		assertThat(calls).allMatch(c -> c.requirements().<BigDecimal>value("totalBudget") == null
				|| "EUR".equals(c.requirements().<String>value("currency")));
		assertThat(count(calls, NormalisedCall::sourceStatus)).containsEntry("OPEN", 535L)
			.containsEntry("FORTHCOMING", 397L);
		assertThat(calls).allMatch(c -> "GRANT".equals(c.requirements().<String>value("instrument"))
				|| c.requirements().<String>value("instrument") == null);
		NormalisedCall energy = find(calls, "HORIZON-CL5-2027-07-D3-28");
		// deadlineDate 2027-12-01T00:00:00.000Z is the day 1 December 2027: open until it
		// ends in Brussels.
		assertThat(energy.deadline()).isEqualTo(Instant.parse("2027-12-01T22:59:59Z"));
		assertThat(energy.opensAt()).isEqualTo(Instant.parse("2027-08-03T22:00:00Z"));
		assertThat(energy.requirements().<BigDecimal>value("totalBudget")).isEqualByComparingTo("6000000");
		assertThat(energy.requirements().<BigDecimal>value("amountMin")).isEqualByComparingTo("6000000");
		assertThat(energy.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("6000000");
		assertThat(energy.sourceStatus()).isEqualTo("FORTHCOMING");
		assertThat(energy.programme()).isEqualTo("Horizon Europe (HORIZON)");
	}

	@Test
	void euSearchResponseDeadlinesAreTheDaysItsBudgetOverviewStates() throws IOException {
		SourceInfo eu = new SourceInfo("eu-search", "European Commission", null, ZoneId.of("Europe/Brussels"));
		JsonNode results = CorpusRecords.json("eu-ft-portal-sedia-search-json/response.json").get("results");
		DateReader reader = new DateReader(DateOrder.DAY_FIRST, DATES);
		int checked = 0;
		for (JsonNode result : results) {
			JsonNode metadata = result.get("metadata");
			String identifier = metadata.get("identifier").get(0).asString();
			NormalisedCall call = NORMALISER.normalise(eu, CorpusRecords.euSearchResult(result));

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
		for (JsonNode hit : CorpusRecords.json("grantsgov-search-json/oportunity.json").get("oppHits")) {
			calls.add(NORMALISER.normalise(grantsGov, CorpusRecords.grantsGovHit(hit)));
		}
		for (JsonNode hit : CorpusRecords.json("grantsgov-search2-json/search2_community.json")
			.get("data")
			.get("oppHits")) {
			calls.add(NORMALISER.normalise(grantsGov, CorpusRecords.grantsGovHit(hit)));
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
		NormalisedCall nih = NORMALISER.normalise(grantsGov, CorpusRecords
			.grantsGovDetails(CorpusRecords.json("grantsgov-fetchopportunity-legacy-json/demo_post_PAR-21-168.json")));
		NormalisedCall ies = NORMALISER.normalise(grantsGov, CorpusRecords
			.grantsGovDetails(CorpusRecords.json("grantsgov-fetchopportunity-legacy-json/ies_sample_2.js")));

		assertThat(nih.reference()).isEqualTo("PAR-21-168");
		assertThat(nih.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("125000");
		assertThat(nih.requirements().<BigDecimal>value("amountMin")).isNull();
		assertThat(nih.requirements().<String>value("currency")).isEqualTo("USD");
		// "May 07, 2024 12:00:00 AM EDT": the day, open until 23:59:59 New York time.
		assertThat(nih.deadline()).isEqualTo(Instant.parse("2024-05-08T03:59:59Z"));
		assertThat(nih.requirements().<List<String>>value("applicantTypes")).containsExactlyInAnyOrder("NGO", "COMPANY",
				"UNIVERSITY", "LOCAL_GOVERNMENT", "PUBLIC_BODY", "REGIONAL_GOVERNMENT");
		assertThat(nih.requirements().<String>value("instrument")).isEqualTo("GRANT");
		assertThat(nih.requirements().<Boolean>value("reimbursable")).isFalse();
		assertThat(nih.requirements().<BigDecimal>value("coFinancingPct")).isZero();
		// awardCeiling and awardFloor "none": no amount, and no currency without one.
		assertThat(ies.requirements().<BigDecimal>value("amountMax")).isNull();
		assertThat(ies.requirements().<String>value("currency")).isNull();
		assertThat(ies.deadline()).isEqualTo(Instant.parse("2016-08-05T03:59:59Z"));
		// No applicant codes in this record: the synopsis text says who may apply.
		assertThat(ies.requirements().evidence("applicantTypes")).doesNotStartWith("APPLICANT_TYPES");
	}

	@Test
	void grantsGovExtractDatesAndAmountsSurviveTheSpreadsheet() throws IOException {
		SourceInfo extract = new SourceInfo("grants-gov-extract", "Grants.gov", "en", ZoneId.of("America/New_York"),
				"en-US", SourceInfo.SourceRole.FUNDER);
		List<NormalisedCall> calls = new ArrayList<>();
		for (Map<String, String> row : CorpusRecords.csv("grantsgov-xml-extract-as-csv/grantsgov_export.csv")) {
			calls.add(NORMALISER.normalise(extract, CorpusRecords.extractRow(row)));
		}

		assertThat(calls).hasSize(600);
		// 585 rows have a CloseDate, written MMDDYYYY and stripped of its leading zero.
		assertThat(calls.stream().filter(c -> c.deadline() != null).count()).isEqualTo(585);
		assertThat(calls.get(0).deadline().atZone(ZoneId.of("America/New_York")).toLocalDate())
			.isEqualTo(LocalDate.of(2022, 1, 12));
		assertThat(count(calls, c -> c.requirements().<String>value("instrument"))).containsEntry("GRANT", 394L)
			.containsEntry("COOPERATIVE_AGREEMENT", 181L)
			.containsEntry("OTHER", 18L)
			.containsEntry("PROCUREMENT", 7L);
		// Every row with a positive AwardCeiling or AwardFloor is read from its fields
		// ("0.0"
		// and blanks are not); 439 ceilings, and the description gives a ceiling for 17
		// more.
		assertThat(calls.stream()
			.filter(c -> java.util.stream.Stream.of("amountMin", "amountMax")
				.anyMatch(fact -> String.valueOf(c.requirements().evidence(fact)).startsWith("AMOUNT_")))
			.count()).isEqualTo(453);
		assertThat(calls.stream().filter(c -> c.requirements().<BigDecimal>value("amountMax") != null).count())
			.isEqualTo(456);
		// "2.0" is code 02, city or township governments, once the zero is put back.
		assertThat(calls).filteredOn(c -> "APPLICANT_TYPES: 2.0".equals(c.requirements().evidence("applicantTypes")))
			.singleElement()
			.satisfies(c -> assertThat(c.requirements().<List<String>>value("applicantTypes"))
				.containsExactly("LOCAL_GOVERNMENT"));
		// Code 25 alone ("see the text") leaves the text to tell, or the type unknown;
		// the
		// reader of eligibility statements tells it for 17 more rows than word lists did.
		assertThat(calls.stream().filter(c -> c.requirements().<List<String>>value("applicantTypes") != null).count())
			.isEqualTo(286);
	}

	// --- SICON Bogotá (Spanish, municipal) ---

	@Test
	void siconCallsGiveColombianPesosAndTheirClosingDatesInBogota() throws IOException {
		SourceInfo sicon = new SourceInfo("sicon-bogota", "Secretaría de Cultura de Bogotá", "es",
				ZoneId.of("America/Bogota"), "es-CO", SourceInfo.SourceRole.FUNDER);
		List<NormalisedCall> calls = new ArrayList<>();
		for (JsonNode item : CorpusRecords
			.json("sicon-colombia-convocatorias-json/convocatorias_publicadas_page1.json")) {
			calls.add(NORMALISER.normalise(sicon, CorpusRecords.sicon(item)));
		}

		NormalisedCall beca = find(calls, "3731");
		assertThat(beca.deadline()).isEqualTo(Instant.parse("2026-08-27T22:00:00Z"));
		assertThat(beca.deadlineZone()).isEqualTo("America/Bogota");
		assertThat(beca.opensAt()).isEqualTo(Instant.parse("2026-07-28T05:00:00Z"));
		assertThat(beca.keyDates()).extracting(KeyDate::label).contains("Fecha de cierre", "Fecha de apertura");
		assertThat(beca.requirements().<BigDecimal>value("totalBudget")).isEqualByComparingTo("350000000");
		assertThat(beca.requirements().<String>value("currency")).isEqualTo("COP");
		assertThat(beca.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("25000000");
		assertThat(beca.sourceStatus()).isEqualTo("OPEN");
		assertThat(beca.language()).isEqualTo("es");
		NormalisedCall jurados = find(calls, "3725");
		assertThat(jurados.sourceStatus()).isEqualTo("CLOSED");
		assertThat(jurados.requirements().<BigDecimal>value("totalBudget")).as("\"$ 0\" is no budget").isNull();
		assertThat(jurados.deadline()).isEqualTo(Instant.parse("2026-06-18T22:00:00Z"));
		assertThat(find(calls, "3714").deadline()).isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
	}

	// --- GrantForward (aggregator export, XML) ---

	@Test
	void grantForwardAmountsAreReadFromTheirTextInDollars() throws Exception {
		SourceInfo grantForward = new SourceInfo("grantforward", "GrantForward", "en", ZoneId.of("America/New_York"),
				"en-US", SourceInfo.SourceRole.AGGREGATOR);
		List<NormalisedCall> calls = new ArrayList<>();
		for (RawCall grant : CorpusRecords.grantForwardAll()) {
			calls.add(NORMALISER.normalise(grantForward, grant));
		}

		assertThat(calls).hasSize(42);
		assertThat(count(calls, NormalisedCall::sourceStatus)).containsEntry("CLOSED", 42L);
		NormalisedCall nigeria = find(calls, "83900");
		assertThat(nigeria.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("15000000");
		assertThat(nigeria.requirements().<BigDecimal>value("amountMin")).isEqualByComparingTo("300000");
		assertThat(nigeria.requirements().<BigDecimal>value("totalBudget")).isEqualByComparingTo("30000000");
		assertThat(nigeria.requirements().<String>value("currency")).isEqualTo("USD");
		assertThat(nigeria.requirements().<String>value("instrument")).isEqualTo("COOPERATIVE_AGREEMENT");
		NormalisedCall range = find(calls, "268763");
		assertThat(range.requirements().<BigDecimal>value("amountMin")).isEqualByComparingTo("5000");
		assertThat(range.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("20000");
		assertThat(range.keyDates()).hasSize(2);
		// "up to 500,000" lost its currency sign in the export: not read.
		assertThat(find(calls, "298510").requirements().<String>value("currency")).isNull();
		assertThat(calls).filteredOn(c -> "USD".equals(c.requirements().<String>value("currency"))).hasSize(29);
		assertThat(calls).filteredOn(c -> c.deadline() != null).hasSize(30);
	}

	// --- Procurement: World Bank notices and SECOP II (not funding) ---

	@Test
	void worldBankNoticesAndSecopProcessesAreProcurementNotGrants() throws IOException {
		SourceInfo worldBank = new SourceInfo("world-bank", "World Bank", null, ZoneId.of("America/New_York"));
		List<NormalisedCall> byField = new ArrayList<>();
		List<NormalisedCall> byText = new ArrayList<>();
		for (JsonNode notice : CorpusRecords.json("worldbank-procnotices-json/procnotices_page1.json")) {
			byField.add(NORMALISER.normalise(worldBank, CorpusRecords.worldBankNotice(notice, true)));
			byText.add(NORMALISER.normalise(worldBank, CorpusRecords.worldBankNotice(notice, false)));
		}
		List<NormalisedCall> processes = new ArrayList<>();
		for (JsonNode process : CorpusRecords.json("secop2-colombia-json/page1_tecnologia_2026.json")) {
			processes.add(NORMALISER.normalise(CorpusRecords.SECOP, CorpusRecords.secopProcess(process)));
		}

		assertThat(byField).extracting(c -> c.requirements().<String>value("instrument")).containsOnly("PROCUREMENT");
		assertThat(byField).extracting(c -> c.requirements().<Boolean>value("reimbursable")).containsOnlyNulls();
		// Without the notice type, the notices' own words say it.
		assertThat(byText).extracting(c -> c.requirements().<String>value("instrument")).containsOnly("PROCUREMENT");
		assertThat(processes).hasSize(12)
			.extracting(c -> c.requirements().<String>value("instrument"))
			.containsOnly("PROCUREMENT");
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
