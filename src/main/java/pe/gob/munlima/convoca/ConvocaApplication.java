package pe.gob.munlima.convoca;

import java.time.Clock;

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

	/** One clock for the whole service, so tests can fix "today". */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
