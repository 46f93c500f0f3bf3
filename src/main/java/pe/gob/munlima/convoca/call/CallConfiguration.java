package pe.gob.munlima.convoca.call;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallConfiguration {

	@Bean
	Vocabulary vocabulary(CallProperties properties) {
		return Vocabulary.load(properties.vocabularyFile());
	}

	@Bean
	CallNormaliser callNormaliser(Vocabulary vocabulary) {
		return new CallNormaliser(vocabulary);
	}

	@Bean
	ThemeThesaurus themeThesaurus(Vocabulary vocabulary) {
		return new ThemeThesaurus(vocabulary.themeTerms());
	}

}
