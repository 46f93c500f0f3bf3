package pe.gob.munlima.convoca.call;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallConfiguration {

	@Bean
	CallNormaliser callNormaliser(CallProperties properties) {
		return new CallNormaliser(Vocabulary.load(properties.vocabularyFile()));
	}

}
