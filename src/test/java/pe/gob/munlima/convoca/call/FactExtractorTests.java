package pe.gob.munlima.convoca.call;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads facts with the shipped vocabulary (index/vocabulary.yaml). */
class FactExtractorTests {

	private final FactExtractor extractor = new FactExtractor(Vocabulary.load(Path.of("index", "vocabulary.yaml")));

	@Test
	void readsApplicantTypesOnlyFromEligibilitySentencesAndKeepsTheSentence() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Fondo para ciudades",
				"Las ciudades sufren el tráfico.\nPueden postular municipalidades y ONG del Perú.");

		assertThat(facts.applicantTypes()).containsExactlyInAnyOrder("LOCAL_GOVERNMENT", "NGO");
		assertThat(facts.evidence()).containsEntry("applicantTypes", "Pueden postular municipalidades y ONG del Perú.");
		assertThat(facts.eligibleGeographies()).containsExactly("PE");
	}

	@Test
	void accentsAndCaseDoNotMatter() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("MOVILIDAD URBANA EN PERU",
				"Eligible applicants: LOCAL AUTHORITIES in Latin America.");

		assertThat(facts.themes()).contains("mobility");
		assertThat(facts.applicantTypes()).containsExactly("LOCAL_GOVERNMENT");
		// Where applicants must be wins over where the title places the projects.
		assertThat(facts.eligibleGeographies()).containsExactly("LATAM");
	}

	@Test
	void anExclusionSentenceExcludesInsteadOfIncluding() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Global call",
				"Open to all countries. Applicants from the European Union are not eligible.");

		assertThat(facts.eligibleGeographies()).containsExactly("GLOBAL");
		assertThat(facts.excludedCountries()).containsExactly("EU");
	}

	@Test
	void whatTheTextDoesNotSayStaysUnknown() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Convocatoria", "Más información en la web.");

		assertThat(facts.applicantTypes()).isNull();
		assertThat(facts.eligibleGeographies()).isNull();
		assertThat(facts.themes()).isNull();
		assertThat(facts.reimbursable()).isNull();
	}

	@Test
	void loansAreFlaggedAndGrantsAreNot() {
		assertThat(this.extractor.extract("Línea de crédito", "Préstamo para obras de agua.").reimbursable()).isTrue();
		assertThat(this.extractor.extract("Fondo", "Subvenciones no reembolsables.").reimbursable()).isFalse();
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

		assertThat(facts.amounts().max()).isEqualByComparingTo("500000");
		assertThat(facts.amounts().currency()).isEqualTo("EUR");
		assertThat(facts.coFinancingPct()).isEqualByComparingTo("20");
		assertThat(facts.networkRequired()).isEqualTo("C40");
		assertThat(facts.partnershipRegion()).isEqualTo("EU");
		assertThat(facts.applicationLanguages()).containsExactlyInAnyOrder("en", "fr");
		assertThat(facts.durationMonthsMax()).isEqualTo(24);
		assertThat(facts.populationMin()).isEqualTo(1_000_000L);
		assertThat(facts.requiredRegistrations()).containsExactly("EU_PIC");
		assertThat(facts.excludedIncomeGroups()).containsExactly("UPPER_MIDDLE");
		assertThat(facts.evidence()).containsEntry("coFinancing",
				"Se exige un cofinanciamiento mínimo del 20 % del costo total.");
	}

	@Test
	void aCallThatSetsNoConditionsLeavesThemUnknown() {
		FactExtractor.ExtractedFacts facts = this.extractor.extract("Fondo",
				"Convocatoria abierta a proyectos urbanos.");

		assertThat(facts.amounts()).isNull();
		assertThat(facts.coFinancingPct()).isNull();
		assertThat(facts.networkRequired()).isNull();
		assertThat(facts.partnershipRegion()).isNull();
		assertThat(facts.applicationLanguages()).isNull();
		assertThat(facts.durationMonthsMax()).isNull();
		assertThat(facts.populationMin()).isNull();
		assertThat(facts.requiredRegistrations()).isNull();
	}

}
