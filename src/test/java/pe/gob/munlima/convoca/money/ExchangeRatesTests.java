package pe.gob.munlima.convoca.money;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rate tables of rules/parameters.yaml, as the search index, the rules and the
 * reports read them: a table holds from its date on, and a rate that cannot be true is
 * refused.
 */
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

		assertThatIllegalStateException().isThrownBy(() -> ExchangeRates.read(zero))
			.withMessageContaining("exchangeRates.toUsd.EUR must be greater than 0");
		assertThatIllegalStateException().isThrownBy(() -> ExchangeRates.read(negative))
			.withMessageContaining("exchangeRates.toUsd.PEN must be greater than 0, not -0.27");
	}

	@Test
	void aTableHoldsFromItsDateOnAndTheFirstHoldsBeforeIt() throws Exception {
		Path file = Files.writeString(this.dir.resolve("parameters.yaml"), """
				exchangeRates:
				  values:
				    2025-11-03: {reference: BCRP noviembre, toUsd: {USD: 1, EUR: 1.16}}
				    2026-03-02: {reference: BCRP marzo, toUsd: {USD: 1, EUR: 1.09}}
				""");

		ExchangeRates rates = ExchangeRates.read(file);

		assertThat(rates.at(LocalDate.of(2026, 1, 15)).date()).isEqualTo("2025-11-03");
		assertThat(rates.at(LocalDate.of(2026, 3, 1)).usdPerUnit("EUR")).as("the day before the March table")
			.hasValue(new BigDecimal("1.16"));
		assertThat(rates.at(LocalDate.of(2026, 3, 2)).usdPerUnit("EUR")).as("from its date on")
			.hasValue(new BigDecimal("1.09"));
		assertThat(rates.at(LocalDate.of(2020, 1, 1)).reference()).as("before the first date")
			.isEqualTo("BCRP noviembre");
		assertThat(rates.latest().reference()).isEqualTo("BCRP marzo");
	}

	@Test
	void aSingleTableWithItsDateIsReadAsTheTableFromThatDateOn() throws Exception {
		Path file = Files.writeString(this.dir.resolve("single.yaml"), """
				exchangeRates:
				  date: 2025-11-03
				  reference: BCRP
				  toUsd: {USD: 1, EUR: 1.16}
				""");

		RateTable table = ExchangeRates.read(file).at(LocalDate.of(2026, 1, 1));

		assertThat(table.date()).isEqualTo("2025-11-03");
		assertThat(table.usdPerUnit("eur")).as("codes in any case").hasValue(new BigDecimal("1.16"));
	}

	@Test
	void aFileWithoutRatesIsRefusedNamingTheFile() throws Exception {
		Path none = Files.writeString(this.dir.resolve("none.yaml"), "leadDays: {value: 30}\n");
		Path empty = Files.writeString(this.dir.resolve("empty.yaml"), "exchangeRates: {description: nada}\n");

		assertThatIllegalStateException().isThrownBy(() -> ExchangeRates.read(none))
			.withMessageContaining("none.yaml")
			.withMessageContaining("no exchangeRates section");
		assertThatIllegalStateException().isThrownBy(() -> ExchangeRates.read(empty))
			.withMessageContaining(
					"exchangeRates.date and exchangeRates.toUsd (or exchangeRates.values, by date) are required");
	}

}
