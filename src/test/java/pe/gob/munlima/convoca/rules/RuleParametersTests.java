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

	@Test
	void aParameterTakesTheValueInForceOnTheDayItIsAskedFor() {
		RuleParameters parameters = RuleParameters.parse("""
				leadDays:
				  description: Días de aprobación interna.
				  values:
				    2026-01-01: 30
				    2027-01-01: 45
				exchangeRates:
				  description: Tipo de cambio a dólares.
				  values:
				    2026-01-05:
				      reference: BCRP 2026
				      toUsd: {USD: 1, PEN: 0.27}
				    2027-01-04:
				      reference: BCRP 2027
				      toUsd: {USD: 1, PEN: 0.30}
				""");

		RuleParameters mid2026 = parameters.at(java.time.LocalDate.of(2026, 6, 1));
		assertThat(mid2026.leadDays()).isEqualTo(30);
		assertThat(mid2026.ratesDate()).isEqualTo("2026-01-05");
		assertThat(mid2026.toUsd(new java.math.BigDecimal("100"), "PEN")).hasValue(27.0);
		RuleParameters early2027 = parameters.at(java.time.LocalDate.of(2027, 1, 3));
		assertThat(early2027.leadDays()).as("from 1 January").isEqualTo(45);
		assertThat(early2027.ratesDate()).as("the 2027 table holds from 4 January").isEqualTo("2026-01-05");
		assertThat(parameters.at(java.time.LocalDate.of(2027, 1, 4)).toUsd(new java.math.BigDecimal("100"), "PEN"))
			.hasValue(30.0);
		assertThat(parameters.at(java.time.LocalDate.of(2020, 1, 1)).leadDays()).as("before the first date")
			.isEqualTo(30);
		assertThat(parameters.leadDays()).as("asked for no day: the latest values").isEqualTo(45);
	}

	@Test
	void theShippedFileHoldsOneValueFromItsDateOn() throws Exception {
		RuleParameters shipped = RuleParameters.parse(Files.readString(Path.of("rules", "parameters.yaml")));
		assertThat(shipped.at(java.time.LocalDate.of(2026, 12, 6)).toUsd()).isEqualTo(shipped.toUsd());
		assertThat(shipped.dated().rates()).isNotEmpty();
	}

}
