package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normaliser with the shipped vocabulary and codes: structured fields first, the text
 * as fallback, evidence naming the field or the sentence, and what neither says unknown.
 */
class CallNormaliserTests {

	static final Clock NOW = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);

	static final CallNormaliser NORMALISER = new CallNormaliser(Vocabulary.load(Path.of("reading", "vocabulary.yaml")),
			SourceCodes.load(Path.of("reading", "codes.yaml")), new LanguageDetector(), NOW);

	private static final SourceInfo GRANTS_GOV = new SourceInfo("grants-gov", "Grants.gov", "en",
			ZoneId.of("America/New_York"), "en-US", SourceInfo.SourceRole.FUNDER);

	private static final SourceInfo EU = new SourceInfo("eu-portal", "European Commission", null,
			ZoneId.of("Europe/Brussels"), null, SourceInfo.SourceRole.FUNDER);

	@Test
	void grantsGovFieldsBecomeFactsWithTheFieldAsEvidence() {
		NormalisedCall call = NORMALISER.normalise(GRANTS_GOV,
				raw("PAR-21-168", "Small Research Grant", "<p>Supports small research projects.</p>",
						Map.of(RawField.REFERENCE, List.of("PAR-21-168"), RawField.DEADLINE, List.of("08/15/2026"),
								RawField.OPENS_AT, List.of("03/01/2026"), RawField.AMOUNT_MAX, List.of("125000"),
								RawField.AMOUNT_MIN, List.of("none"), RawField.CURRENCY, List.of("USD"),
								RawField.APPLICANT_TYPES, List.of("02", "25"), RawField.STATUS, List.of("posted"),
								RawField.INSTRUMENT, List.of("G"))));

		assertThat(call.reference()).isEqualTo("PAR-21-168");
		assertThat(call.deadline()).isEqualTo(Instant.parse("2026-08-16T03:59:59Z"));
		assertThat(call.deadlineZone()).isEqualTo("America/New_York");
		assertThat(call.opensAt()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
		assertThat(call.requirements().<BigDecimal>value("amountMin")).isNull();
		assertThat(call.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("125000");
		assertThat(call.requirements().<String>value("currency")).isEqualTo("USD");
		assertThat(call.requirements().<List<String>>value("applicantTypes")).containsExactly("LOCAL_GOVERNMENT");
		assertThat(call.sourceStatus()).isEqualTo("OPEN");
		assertThat(call.requirements().<String>value("instrument")).isEqualTo("GRANT");
		assertThat(call.requirements().<Boolean>value("reimbursable")).isFalse();
		assertThat(call.language()).isEqualTo("en");
		assertThat(call.requirements().evidence("applicantTypes")).isEqualTo("APPLICANT_TYPES: 02 | 25");
		assertThat(call.evidence()).containsEntry("deadline", "DEADLINE: 08/15/2026");
		assertThat(call.requirements().evidence("amountMax")).isEqualTo("AMOUNT_MAX: 125000");
	}

	@Test
	void euStatusCodesAndSeveralDeadlinesGiveKeyDatesAndTheNextDeadline() {
		NormalisedCall call = NORMALISER.normalise(EU,
				raw("HORIZON-CL5-2027-07-D3-28", "Community of practice - Data-Driven Decision-Making in Energy", "",
						Map.of(RawField.STATUS, List.of("31094502"), RawField.DEADLINE,
								List.of("Stage 1: 2026-03-10T00:00:00.000Z", "Stage 2: 2026-09-15T00:00:00.000Z"),
								RawField.TOTAL_BUDGET, List.of("6000000"), RawField.CURRENCY, List.of("EUR"),
								RawField.REFERENCE, List.of("HORIZON-CL5-2027-07-D3-28"))));

		assertThat(call.keyDates()).extracting(KeyDate::label).containsExactly("Stage 1", "Stage 2");
		assertThat(call.keyDates()).allMatch(KeyDate::dateOnly);
		// Stage 1 closed before "now" (2026-05-01): the deadline that matters is stage 2.
		assertThat(call.deadline()).isEqualTo(Instant.parse("2026-09-15T21:59:59Z"));
		assertThat(call.requirements().<BigDecimal>value("totalBudget")).isEqualByComparingTo("6000000");
		assertThat(call.requirements().<BigDecimal>value("amountMax")).isNull();
		assertThat(call.requirements().<String>value("currency")).isEqualTo("EUR");
		assertThat(call.statusAt(NOW.instant())).isEqualTo("OPEN");
	}

	@Test
	void aClosedStatusClosesEvenBeforeTheDeadline() {
		NormalisedCall call = NORMALISER.normalise(EU, raw("T-1", "Closed topic", "",
				Map.of(RawField.STATUS, List.of("31094503"), RawField.DEADLINE, List.of("2099-01-01"))));

		assertThat(call.statusAt(NOW.instant())).isEqualTo("CLOSED");
		assertThat(NORMALISER
			.normalise(EU, raw("T-2", "Forthcoming topic", "", Map.of(RawField.STATUS, List.of("31094501"))))
			.statusAt(NOW.instant())).isEqualTo("FORTHCOMING");
	}

	@Test
	void aLoanInstrumentIsReimbursableAndProcurementIsNeitherGrantNorLoan() {
		NormalisedCall loan = NORMALISER.normalise(GRANTS_GOV,
				raw("L-1", "Water utility financing", "", Map.of(RawField.INSTRUMENT, List.of("Loan"))));
		NormalisedCall tender = NORMALISER.normalise(GRANTS_GOV,
				raw("P-1", "Consulting firm for a water study",
						"<p>Request for Expression of Interest for consulting services. Loans are not involved.</p>",
						Map.of()));

		assertThat(loan.requirements().<String>value("instrument")).isEqualTo("LOAN");
		assertThat(loan.requirements().<Boolean>value("reimbursable")).isTrue();
		assertThat(loan.requirements().evidence("reimbursable")).isEqualTo("INSTRUMENT: Loan");
		assertThat(tender.requirements().<String>value("instrument")).isEqualTo("PROCUREMENT");
	}

	@Test
	void aFieldComesBeforeTheTextAndTheTextFillsWhatTheFieldsLeaveOpen() {
		NormalisedCall call = NORMALISER.normalise(GRANTS_GOV,
				raw("X-1", "Community resilience grants",
						"<p>Eligible applicants: city governments and nonprofit organizations.</p>"
								+ "<p>Awards of up to USD 50,000 per city.</p><p>Deadline: August 15, 2026.</p>",
						Map.of(RawField.APPLICANT_TYPES, List.of("12"))));

		assertThat(call.requirements().<List<String>>value("applicantTypes")).containsExactly("NGO");
		assertThat(call.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("50000");
		assertThat(call.requirements().<String>value("currency")).isEqualTo("USD");
		assertThat(call.requirements().evidence("amountMax")).isEqualTo("Awards of up to USD 50,000 per city.");
		assertThat(call.evidence()).containsEntry("deadline", "Deadline: August 15, 2026.");
		assertThat(call.deadline()).isEqualTo(Instant.parse("2026-08-16T03:59:59Z"));
	}

	@Test
	void coFinancingNoMeansNoneRequiredAndYesAloneStaysUnknown() {
		assertThat(
				NORMALISER.normalise(GRANTS_GOV, raw("C-1", "Grant", "", Map.of(RawField.CO_FINANCING, List.of("No"))))
					.requirements()
					.<BigDecimal>value("coFinancingPct"))
			.isZero();
		assertThat(
				NORMALISER.normalise(GRANTS_GOV, raw("C-2", "Grant", "", Map.of(RawField.CO_FINANCING, List.of("Yes"))))
					.requirements()
					.<BigDecimal>value("coFinancingPct"))
			.isNull();
	}

	@Test
	void theItemsDeclaredLanguageWinsAndAnUnknownOneIsDetected() {
		SourceInfo undeclared = new SourceInfo("s", "F", null, ZoneId.of("UTC"));
		assertThat(NORMALISER
			.normalise(undeclared,
					raw("1", "Convocatoria para ciudades", "<p>Las municipalidades pueden postular.</p>",
							Map.of(RawField.LANGUAGE, List.of("pt"))))
			.language()).isEqualTo("pt");
		// The EU search API labels English topics "bg": not one of the four, so the text
		// decides.
		assertThat(NORMALISER
			.normalise(undeclared,
					raw("2", "Digital skills for public administrations",
							"<p>This topic supports cities in training their staff.</p>",
							Map.of(RawField.LANGUAGE, List.of("bg"))))
			.language()).isEqualTo("en");
		assertThat(NORMALISER.normalise(undeclared, raw("3", "HORIZON-CL5-2027", "", Map.of())).language()).isNull();
	}

	@Test
	void aBareDollarIsReadOnlyWhenTheSourcesCountryTellsItsCurrency() {
		SourceInfo bogota = new SourceInfo("sicon", "SCRD", "es", ZoneId.of("America/Bogota"), "es-CO",
				SourceInfo.SourceRole.FUNDER);
		SourceInfo unknown = new SourceInfo("x", "X", "es", ZoneId.of("America/Lima"));
		Map<RawField, List<String>> fields = Map.of(RawField.TOTAL_BUDGET, List.of("$ 350.000.000"));

		NormalisedCall colombian = NORMALISER.normalise(bogota, raw("3731", "Beca", "", fields));
		NormalisedCall unsure = NORMALISER.normalise(unknown, raw("3731", "Beca", "", fields));

		assertThat(colombian.requirements().<BigDecimal>value("totalBudget")).isEqualByComparingTo("350000000");
		assertThat(colombian.requirements().<String>value("currency")).isEqualTo("COP");
		assertThat(unsure.requirements().<BigDecimal>value("totalBudget")).isNull();
		assertThat(unsure.requirements().<String>value("currency")).isNull();
	}

	@Test
	void whatNeitherFieldsNorTextSayStaysUnknown() {
		NormalisedCall call = NORMALISER.normalise(GRANTS_GOV, raw("U-1", "Programme announcement",
				"<p>More information on the website.</p>", Map.of(RawField.APPLICANT_TYPES, List.of("25"))));

		assertThat(call.requirements().<List<String>>value("applicantTypes")).isNull();
		assertThat(call.deadline()).isNull();
		assertThat(call.keyDates()).isEmpty();
		assertThat(call.requirements().<BigDecimal>value("amountMax")).isNull();
		assertThat(call.requirements().<String>value("currency")).isNull();
		assertThat(call.requirements().<BigDecimal>value("totalBudget")).isNull();
		assertThat(call.requirements().<Boolean>value("reimbursable")).isNull();
		assertThat(call.requirements().<String>value("instrument")).isNull();
		assertThat(call.sourceStatus()).isNull();
		assertThat(call.requirements().<BigDecimal>value("coFinancingPct")).isNull();
		assertThat(call.requirements().<List<String>>value("eligibleGeographies")).isNull();
		assertThat(call.statusAt(NOW.instant())).isEqualTo("OPEN");
	}

	static RawCall raw(String id, String title, String html, Map<RawField, List<String>> fields) {
		return new RawCall(id, title, "https://funder.example/" + id, html, null, fields);
	}

	@Test
	void aPlainTextKeepsItsLinesButJoinsThoseWrappedMidSentence() {
		String text = CallNormaliser.plainText("""
				¿Quién puede postular?
				- municipalidades
				- universidades
				Aporte de hasta
				USD 40,000 por proyecto, que se
				entrega en dos cuotas.""");

		assertThat(text.lines().toList()).containsExactly("¿Quién puede postular?", "- municipalidades",
				"- universidades", "Aporte de hasta USD 40,000 por proyecto, que se entrega en dos cuotas.");
	}

	@Test
	void inHtmlANewlineIsOnlyLayout() {
		assertThat(CallNormaliser.plainText("<p>Pueden postular\nmunicipalidades.</p><p>Plazo: marzo.</p>").lines())
			.containsExactly("Pueden postular municipalidades.", "Plazo: marzo.");
	}

}
