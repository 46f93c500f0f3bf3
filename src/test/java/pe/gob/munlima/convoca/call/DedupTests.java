package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

import pe.gob.munlima.convoca.requirement.Requirements;

/** The pieces of dedup: title similarity, funder names, and which source's word wins. */
class DedupTests {

	private final SourceCodes codes = SourceCodes.load(Path.of("reading", "codes.yaml"));

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Convocatoria de ciclovías para ciudades andinas | CONVOCATORIA DE CICLOVIAS PARA CIUDADES ANDINAS     | 1.0
					Convocatoria de ciclovías para ciudades andinas | Convocatoria ciclovías ciudades andinas 2027          | 0.889
					Urban Resilience Fund for Latin American Cities | Urban Resilience Fund for Latin American...           | 1.0
					Digital Tourism Platforms for Latin American Destinations | Call for proposals: Digital Tourism Platforms for Latin American Destinations | 0.857
					Towards networked Local Digital Twins in the EU | Specialised education programmes in key capacity areas | 0.0
					""")
	void titlesAreComparedOnTheirContentWords(String first, String second, double expected) {
		assertThat(TitleSimilarity.between(first, second)).isCloseTo(expected,
				org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void twoDifferentCallsOfOneFunderStayBelowTheThreshold() {
		assertThat(TitleSimilarity.between("Community of practice - Data-Driven Decision-Making in Energy",
				"Community of practice - Renewable Energy Valleys"))
			.isLessThan(DuplicateFinder.THRESHOLD);
		assertThat(TitleSimilarity.between("Fondo de movilidad urbana 2027", "Fondo de agua y saneamiento 2027"))
			.isLessThan(DuplicateFinder.THRESHOLD);
	}

	@Test
	void aFundersNamesInAnyLanguageAreOneFunder() {
		assertThat(this.codes.funderKey("Comisión Europea")).isEqualTo("EU");
		assertThat(this.codes.funderKey("European Commission - DG INTPA")).isEqualTo("EU");
		assertThat(this.codes.funderKey("U.S. Embassy in Cabo Verde")).isEqualTo("US-STATE");
		assertThat(this.codes.funderKey("Banco Interamericano de Desarrollo (BID)")).isEqualTo("IDB");
		assertThat(this.codes.funderKey("Fondo de Prueba, para Ciudades"))
			.isEqualTo(this.codes.funderKey("FONDO DE PRUEBA PARA CIUDADES"));
		assertThat(this.codes.funderKey("Fondo Andino")).isNotEqualTo(this.codes.funderKey("Fondo Amazónico"));
	}

	@Test
	void theFundersOwnSourceWinsAndTheAggregatorFillsWhatItLeavesUnknown() {
		NormalisedCall funder = call("funder-site", "Fondo de Ciudades", null, null, List.of("LOCAL_GOVERNMENT"), List
			.of(new KeyDate(KeyDate.Kind.DEADLINE, Instant.parse("2027-03-16T04:59:59Z"), "America/Lima", null, true)));
		NormalisedCall aggregator = call("aggregator", "Fondo de Ciudades (reposted)", new BigDecimal("50000"), "USD",
				List.of("NGO"),
				List.of(new KeyDate(KeyDate.Kind.DEADLINE, Instant.parse("2027-03-15T12:00:00Z"), "UTC", null, false)));

		NormalisedCall merged = SourceMerge.merge(List.of(funder, aggregator));

		assertThat(merged.title()).isEqualTo("Fondo de Ciudades");
		assertThat(merged.sourceId()).isEqualTo("funder-site");
		assertThat(merged.requirements().<List<String>>value("applicantTypes")).containsExactly("LOCAL_GOVERNMENT");
		assertThat(merged.deadline()).isEqualTo(Instant.parse("2027-03-16T04:59:59Z"));
		assertThat(merged.requirements().<BigDecimal>value("amountMax")).isEqualByComparingTo("50000");
		assertThat(merged.requirements().<String>value("currency")).isEqualTo("USD");
		assertThat(merged.requirements().evidence("applicantTypes")).isEqualTo("funder-site");
		assertThat(merged.requirements().evidence("amountMax")).isEqualTo("aggregator");
	}

	private static NormalisedCall call(String source, String title, BigDecimal max, String currency,
			List<String> applicantTypes, List<KeyDate> keyDates) {
		Map<String, String> evidence = max == null ? Map.of("applicantTypes", source)
				: Map.of("applicantTypes", source, "amountMax", source);
		Map<String, Object> facts = new java.util.HashMap<>();
		facts.put("applicantTypes", applicantTypes);
		if (max != null) {
			facts.put("amountMax", max);
			facts.put("currency", currency);
		}
		facts.values().removeIf(java.util.Objects::isNull);
		KeyDate deadline = keyDates.get(0);
		return new NormalisedCall(source + ":1", source, "1", "https://" + source + "/1", "Fondo", title, "", "", "es",
				null, null, deadline.at(), deadline.zone(), null, Requirements.of(facts, evidence), Map.of(), null,
				null, null, keyDates);
	}

}
