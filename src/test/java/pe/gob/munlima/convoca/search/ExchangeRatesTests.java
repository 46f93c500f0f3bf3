package pe.gob.munlima.convoca.search;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The index refuses the rate table the rules refuse: a rate must be above zero. */
class ExchangeRatesTests {

	@TempDir
	Path dir;

	@Test
	void aZeroOrNegativeRateIsRefusedAtLoadNamingTheCurrency() throws Exception {
		String shipped = Files.readString(Path.of("rules", "parameters.yaml"));
		Path zero = Files.writeString(this.dir.resolve("zero.yaml"),
				shipped.replaceFirst("(?m)^(\\s+EUR:).*$", "$1 0"));
		Path negative = Files.writeString(this.dir.resolve("negative.yaml"),
				shipped.replaceFirst("(?m)^(\\s+PEN:).*$", "$1 -0.27"));

		assertThatIllegalStateException().isThrownBy(() -> ExchangeRates.load(zero))
			.withMessageContaining("exchangeRates.toUsd.EUR must be greater than 0");
		assertThatIllegalStateException().isThrownBy(() -> ExchangeRates.load(negative))
			.withMessageContaining("exchangeRates.toUsd.PEN must be greater than 0, not -0.27");
	}

}
