package pe.gob.munlima.convoca.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Exchange rates of rules/parameters.yaml that cannot be true are refused at load, with
 * the file, the line and the currency.
 */
class RuleParametersTests {

	@Test
	void zeroAndNegativeExchangeRatesAreRefusedWithTheirLines() throws Exception {
		String shipped = Files.readString(Path.of("rules", "parameters.yaml"));
		assertThat(RuleParameters.parse(shipped).toUsd()).isNotEmpty();
		String broken = shipped.replaceFirst("(?m)^(\\s+EUR:).*$", "$1 0")
			.replaceFirst("(?m)^(\\s+PEN:).*$", "$1 -0.27");

		RuleSetRejectedException refused = catchThrowableOfType(RuleSetRejectedException.class,
				() -> RuleParameters.parse(broken));

		assertThat(refused.errors()).extracting(RuleError::message)
			.containsExactlyInAnyOrder("exchangeRates.toUsd.EUR must be greater than 0, not 0",
					"exchangeRates.toUsd.PEN must be greater than 0, not -0.27");
		String[] lines = broken.split("\n");
		for (RuleError error : refused.errors()) {
			assertThat(error.file()).isEqualTo("parameters.yaml");
			assertThat(lines[error.line() - 1]).contains(error.message().contains("EUR") ? "EUR:" : "PEN:");
		}
	}

}
