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
		assertThat(facts.eligibleGeographies()).contains("PE", "LATAM");
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

}
