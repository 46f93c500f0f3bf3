package pe.gob.munlima.convoca.iati;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shipped IATI data, read once at start-up: a broken file stops the start, named. */
@Configuration(proxyBeanMethods = false)
class IatiConfiguration {

	@Bean
	IatiCatalogue iatiCatalogue(IatiProperties properties) {
		return IatiCatalogue.load(properties);
	}

}
