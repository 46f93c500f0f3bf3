package pe.gob.munlima.convoca;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Convoca: finds international non-reimbursable funding calls for the Municipalidad
 * Metropolitana de Lima and tells each gerencia whether its projects can apply, and why
 * not.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConvocaApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConvocaApplication.class, args);
	}

	/**
	 * One clock for the whole service. {@code convoca.clock.fixed} (an ISO instant) pins
	 * it, for demonstrations and tests whose verdicts depend on "today".
	 */
	@Bean
	Clock clock(@Value("${convoca.clock.fixed:}") String fixed) {
		return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
	}

}
