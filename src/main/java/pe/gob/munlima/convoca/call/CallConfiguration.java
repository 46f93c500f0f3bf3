package pe.gob.munlima.convoca.call;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallConfiguration {

	@Bean
	Vocabulary vocabulary(CallProperties properties) {
		return Vocabulary.load(properties.vocabularyFile());
	}

	@Bean
	SourceCodes sourceCodes(CallProperties properties) {
		return SourceCodes.load(properties.codesFile());
	}

	@Bean
	LanguageDetector languageDetector() {
		return new LanguageDetector();
	}

	@Bean
	CallNormaliser callNormaliser(Vocabulary vocabulary, SourceCodes codes, LanguageDetector languages, Clock clock,
			CallProperties properties) {
		return new CallNormaliser(vocabulary, codes, languages, clock,
				FunderDefaults.load(properties.funderDefaultsFile()));
	}

	@Bean
	ThemeThesaurus themeThesaurus(Vocabulary vocabulary) {
		return new ThemeThesaurus(vocabulary.themeTerms());
	}

}
