package pe.gob.munlima.convoca.programme;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grouping of calls into programmes, on the signals of {@code index/programmes.yaml}:
 * rounds of one programme join, different programmes of one funder stay apart.
 */
class ProgrammeGroupingTests {

	static final ProgrammeSignals SIGNALS = ProgrammeSignals.load(Path.of("index", "programmes.yaml"));

	private final RoundMatcher matcher = new RoundMatcher(SIGNALS);

	@Test
	void theDataFileSaysWhoCheckedItAndNoSignalButTheReferenceMergesAlone() {
		assertThat(SIGNALS.checked()).isNotBlank();
		ProgrammeSignals.Grouping grouping = SIGNALS.grouping();
		assertThat(grouping.weights().all()).allMatch(weight -> weight > 0);
		assertThat(grouping.weights().reference()).isGreaterThanOrEqualTo(grouping.threshold());
		assertThat(grouping.weights().programme()).isLessThan(grouping.threshold());
		assertThat(grouping.weights().title()).isLessThan(grouping.threshold());
		assertThat(grouping.weights().source()).isLessThan(grouping.threshold());
		assertThat(SIGNALS.roundWords()).contains("convocatoria", "round", "appel", "edital");
	}

	@Test
	void referenceStemsLoseYearsRoundsAndFiscalYears() {
		assertThat(RoundFeatures.referenceStem("DOS-PER-2024-R2", 2)).isEqualTo("dos per");
		assertThat(RoundFeatures.referenceStem("DOS-PER-2025-R3", 2)).isEqualTo("dos per");
		assertThat(RoundFeatures.referenceStem("HORIZON-CL5-2024-D2-01-03", 2))
			.isEqualTo(RoundFeatures.referenceStem("HORIZON-CL5-2025-D2-01-03", 2));
		assertThat(RoundFeatures.referenceStem("FY24-USAID-PE-001", 2)).isEqualTo("usaid pe 001");
		// Serial numbers stay: two opportunities of one office are not one programme.
		assertThat(RoundFeatures.referenceStem("PD-22-010", 2))
			.isNotEqualTo(RoundFeatures.referenceStem("PD-22-044", 2));
		// Too little left to name a programme.
		assertThat(RoundFeatures.referenceStem("EMBASSY-2024", 2)).isNull();
		assertThat(RoundFeatures.referenceStem("2024-001", 2)).isNull();
	}

	@Test
	void titlesLoseYearsOrdinalsAndRoundWordsInFourLanguages() {
		assertThat(words("Fondo Verde para Ciudades 2024 — tercera convocatoria"))
			.isEqualTo(words("Fondo Verde para Ciudades: convocatoria 2025"));
		assertThat(words("Urban Resilience Challenge, 3rd round (2023)"))
			.isEqualTo(words("Urban Resilience Challenge – Round 4, 2024"));
		assertThat(words("Appel à projets Villes durables 2024, deuxième édition"))
			.isEqualTo(words("Villes durables : appel à projets 2025"));
		assertThat(words("Edital Cidades Inteligentes 2023 — segunda chamada"))
			.isEqualTo(words("Cidades Inteligentes: edital 2024"));
		assertThat(words("Fondo Verde para Ciudades II")).isEqualTo(words("Fondo Verde para Ciudades III"));
	}

	@Test
	void roundsOfOneProgrammeFromOneSourceJoinByTitle() {
		RoundFeatures r2024 = round("Embajada de Ejemplo", null, null, "Fondo de Pequeñas Donaciones 2024", "embajada");
		RoundFeatures r2025 = round("Embajada de Ejemplo", null, null,
				"Fondo de pequeñas donaciones — convocatoria 2025", "embajada");
		assertThat(this.matcher.score(r2024, r2025)).isGreaterThanOrEqualTo(SIGNALS.grouping().threshold());
		assertThat(this.matcher.join(r2025, Map.of(7L, List.of(r2024)))).get()
			.extracting(RoundMatcher.Joined::programmeId)
			.isEqualTo(7L);
	}

	@Test
	void theSameReferenceStemJoinsEvenWhenTheTitleChanged() {
		RoundFeatures a = round("Ciudades Globales", "CGF-LAC-2023", null, "Call for cities: climate adaptation", "a");
		RoundFeatures b = round("Ciudades Globales", "CGF-LAC-2024", null, "Resilient neighbourhoods call", "b");
		assertThat(this.matcher.score(a, b)).isGreaterThanOrEqualTo(SIGNALS.grouping().threshold());
	}

	@Test
	void aFunderAlwaysDiffersAndDifferentReferencesOrProgrammesKeepLikeTitlesApart() {
		RoundFeatures a = round("Fundación A", null, null, "Premio a la innovación urbana 2024", "s");
		RoundFeatures b = round("Fundación B", null, null, "Premio a la innovación urbana 2025", "s");
		assertThat(this.matcher.score(a, b)).isZero();
		RoundFeatures c = round("Fundación A", "FA-MOV-2024", null, "Premio a la innovación urbana 2024", "s");
		RoundFeatures d = round("Fundación A", "FA-AGUA-2025", null, "Premio a la innovación urbana 2025", "s");
		assertThat(this.matcher.score(c, d)).isLessThan(SIGNALS.grouping().threshold());
		RoundFeatures e = round("Fundación A", null, "Movilidad", "Premio a la innovación urbana 2024", "s");
		RoundFeatures f = round("Fundación A", null, "Agua", "Premio a la innovación urbana 2025", "s");
		assertThat(this.matcher.score(e, f)).isLessThan(SIGNALS.grouping().threshold());
	}

	@Test
	void aLikeTitleFromAnotherSourceIsNotEnoughAlone() {
		RoundFeatures a = round("Fundación A", null, null, "Premio a la innovación urbana 2024", "feed");
		RoundFeatures b = round("Fundación A", null, null, "Premio a la innovación urbana 2025", "web");
		assertThat(this.matcher.score(a, b)).isLessThan(SIGNALS.grouping().threshold());
		// The programme named by both sources completes it.
		RoundFeatures c = round("Fundación A", null, "Premio Innovación Urbana", "Premio a la innovación urbana 2024",
				"feed");
		RoundFeatures d = round("Fundación A", null, "Premio Innovación Urbana", "Premio a la innovación urbana 2025",
				"web");
		assertThat(this.matcher.score(c, d)).isGreaterThanOrEqualTo(SIGNALS.grouping().threshold());
	}

	@Test
	void twoProgrammesOfOneFunderOnOneSourceStayApart() {
		RoundFeatures bikes = round("Embajada", null, null, "Fondo para bicicletas públicas 2024", "s");
		RoundFeatures water = round("Embajada", null, null, "Fondo para agua potable y saneamiento 2024", "s");
		Map<Long, List<RoundFeatures>> programmes = new LinkedHashMap<>();
		programmes.put(1L, List.of(bikes));
		programmes.put(2L, List.of(water));
		assertThat(this.matcher.join(round("Embajada", null, null, "Fondo para agua potable y saneamiento 2025", "s"),
				programmes))
			.get()
			.extracting(RoundMatcher.Joined::programmeId)
			.isEqualTo(2L);
		assertThat(
				this.matcher.join(round("Embajada", null, null, "Fondo para residuos sólidos 2025", "s"), programmes))
			.isEmpty();
	}

	private static java.util.Set<String> words(String title) {
		return RoundFeatures.words(title, SIGNALS);
	}

	static RoundFeatures round(String funder, String reference, String programme, String title, String source) {
		return RoundFeatures.of(funder, reference, programme, title, source, SIGNALS);
	}

}
