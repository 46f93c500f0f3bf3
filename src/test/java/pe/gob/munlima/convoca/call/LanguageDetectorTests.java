package pe.gob.munlima.convoca.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTests {

	private static final LanguageDetector DETECTOR = new LanguageDetector();

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Convocatoria para gobiernos locales de América Latina y el Caribe      | es
			Call for proposals for cities in Latin America and the Caribbean       | en
			Appel à propositions pour les collectivités locales d'Amérique latine  | fr
			Chamada pública para prefeituras da América Latina e do Caribe         | pt
			Información sobre Biodiversidad para el Desarrollo                      | es
			Biodiversity Information for Development                                | en
			""")
	void tellsTheFourLanguages(String text, String language) {
		assertThat(DETECTOR.detect(text)).isEqualTo(language);
	}

	@Test
	void theShippedModelAnswersAsThePublishedOne() throws Exception {
		LanguageDetector published = new LanguageDetector(LanguageModelPruning.full(), LanguageDetector.MIN_MARGIN);
		for (String text : new String[] { "Convocatoria para gobiernos locales de América Latina y el Caribe",
				"Appel à propositions pour les collectivités locales d'Amérique latine",
				"Chamada pública para prefeituras da América Latina e do Caribe",
				"Call for proposals for cities in Latin America and the Caribbean",
				"Department for International Development", "Municipalidad Metropolitana de Lima",
				"Aggregated spend data - Financial Year 2006 Quarter 3", "Cooperação técnica não reembolsável",
				"Subvención Horizon Europe EUR 2.000.000 CL5-2027", "Dotación del premio: 10 000 EUR" }) {
			assertThat(DETECTOR.detect(text)).as(text).isEqualTo(published.detect(text));
		}
	}

	@Test
	void tooLittleTextStaysUnknown() {
		assertThat(DETECTOR.detect("HORIZON-CL5-2027-07")).isNull();
		assertThat(DETECTOR.detect("")).isNull();
		assertThat(DETECTOR.detect(null)).isNull();
	}

	@Test
	void aDeclaredLanguageIsReadInAnyOfItsNames() {
		assertThat(LanguageDetector.declared("es-PE")).isEqualTo("es");
		assertThat(LanguageDetector.declared("Spanish")).isEqualTo("es");
		assertThat(LanguageDetector.declared("Português")).isEqualTo("pt");
		assertThat(LanguageDetector.declared("bg")).isNull();
		assertThat(LanguageDetector.declared(" ")).isNull();
	}

}
