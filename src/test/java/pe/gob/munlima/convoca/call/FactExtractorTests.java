package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.util.List;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads facts with the shipped vocabulary (reading/vocabulary.yaml). */
class FactExtractorTests {

	private final FactExtractor extractor = new FactExtractor(Vocabulary.load(Path.of("reading", "vocabulary.yaml")));

	@Test
	void readsApplicantTypesOnlyFromEligibilitySentencesAndKeepsTheSentence() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Fondo para ciudades",
				"Las ciudades sufren el tráfico.\nPueden postular municipalidades y ONG del Perú.");

		assertThat(facts.requirements().<List<String>>value("applicantTypes"))
			.containsExactlyInAnyOrder("LOCAL_GOVERNMENT", "NGO");
		assertThat(facts.evidence()).containsEntry("applicantTypes", "Pueden postular municipalidades y ONG del Perú.");
		assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).containsExactly("PE");
	}

	@Test
	void accentsAndCaseDoNotMatter() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("MOVILIDAD URBANA EN PERU",
				"Eligible applicants: LOCAL AUTHORITIES in Latin America.");

		assertThat(facts.themes()).contains("mobility");
		assertThat(facts.requirements().<List<String>>value("applicantTypes")).containsExactly("LOCAL_GOVERNMENT");
		// Where applicants must be wins over where the title places the projects.
		assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).containsExactly("LATAM");
	}

	@Test
	void anExclusionSentenceExcludesInsteadOfIncluding() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Global call",
				"Open to all countries. Applicants from the European Union are not eligible.");

		assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).containsExactly("GLOBAL");
		assertThat(facts.requirements().<List<String>>value("excludedCountries")).containsExactly("EU");
	}

	@Test
	void whatTheTextDoesNotSayStaysUnknown() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Convocatoria", "Más información en la web.");

		assertThat(facts.requirements().<List<String>>value("applicantTypes")).isNull();
		assertThat(facts.requirements().<List<String>>value("eligibleGeographies")).isNull();
		assertThat(facts.themes()).isNull();
		assertThat(facts.requirements().<Boolean>value("reimbursable")).isNull();
	}

	@Test
	void loansAreFlaggedAndGrantsAreNot() {
		assertThat(this.extractor.extract("Línea de crédito", "Préstamo para obras de agua.")
			.requirements()
			.<Boolean>value("reimbursable")).isTrue();
		assertThat(this.extractor.extract("Fondo", "Subvenciones no reembolsables.")
			.requirements()
			.<Boolean>value("reimbursable")).isFalse();
	}

	@Test
	void readsTheConditionsACallSets() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Fondo de ciudades sostenibles", """
				Subvenciones de hasta EUR 500.000 por proyecto.
				Se exige un cofinanciamiento mínimo del 20 % del costo total.
				Solo pueden postular ciudades miembros de C40.
				Los proyectos deben contar con un socio europeo.
				Las propuestas deben presentarse en inglés o francés.
				La duración máxima de los proyectos es de 24 meses.
				Dirigida a ciudades de más de 1 millón de habitantes.
				Los solicitantes necesitan un número PIC del Portal de Financiamiento.
				Los países de ingreso mediano alto no son elegibles.
				""");

		assertThat(facts.requirements().money().max()).isEqualByComparingTo("500000");
		assertThat(facts.requirements().money().currency()).isEqualTo("EUR");
		assertThat(facts.requirements().<BigDecimal>value("coFinancingPct")).isEqualByComparingTo("20");
		assertThat(facts.requirements().<String>value("networkRequired")).isEqualTo("C40");
		assertThat(facts.requirements().<String>value("partnershipRequired")).isEqualTo("EU");
		assertThat(facts.requirements().<List<String>>value("applicationLanguages")).containsExactlyInAnyOrder("en",
				"fr");
		assertThat(facts.requirements().<Integer>value("durationMonthsMax")).isEqualTo(24);
		assertThat(facts.requirements().<Long>value("populationMin")).isEqualTo(1_000_000L);
		assertThat(facts.requirements().<List<String>>value("requiredRegistrations")).containsExactly("EU_PIC");
		assertThat(facts.requirements().<List<String>>value("excludedIncomeGroups")).containsExactly("UPPER_MIDDLE");
		assertThat(facts.evidence()).containsEntry("coFinancingPct",
				"Se exige un cofinanciamiento mínimo del 20 % del costo total.");
	}

	@Test
	void aCallThatSetsNoConditionsLeavesThemUnknown() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Fondo",
				"Convocatoria abierta a proyectos urbanos.");

		assertThat(facts.requirements().money().statesAmount()).isFalse();
		assertThat(facts.requirements().<BigDecimal>value("coFinancingPct")).isNull();
		assertThat(facts.requirements().<String>value("networkRequired")).isNull();
		assertThat(facts.requirements().<String>value("partnershipRequired")).isNull();
		assertThat(facts.requirements().<List<String>>value("applicationLanguages")).isNull();
		assertThat(facts.requirements().<Integer>value("durationMonthsMax")).isNull();
		assertThat(facts.requirements().<Long>value("populationMin")).isNull();
		assertThat(facts.requirements().<List<String>>value("requiredRegistrations")).isNull();
	}

}
