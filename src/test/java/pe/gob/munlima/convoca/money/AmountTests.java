package pe.gob.munlima.convoca.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts change currency only through the rate table, both ways through USD; a currency
 * the table does not list has no rate, and nothing is guessed for it.
 */
class AmountTests {

	final RateTable rates = new RateTable(LocalDate.of(2025, 11, 3), "BCRP",
			Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.16"), "PEN", new BigDecimal("0.295")));

	@Test
	void anAmountIsConvertedThroughUsdAndBackWithoutLosingACent() {
		Amount euros = new Amount(new BigDecimal("100000"), "EUR");

		Amount soles = euros.in("PEN", this.rates).orElseThrow();
		assertThat(soles.currency()).isEqualTo("PEN");
		assertThat(soles.amount().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("393220.34");
		assertThat(soles.in("EUR", this.rates).orElseThrow().amount().setScale(2, java.math.RoundingMode.HALF_UP))
			.isEqualByComparingTo("100000.00");
		assertThat(euros.in("USD", this.rates)).hasValueSatisfying(dollars -> {
			assertThat(dollars.currency()).isEqualTo("USD");
			assertThat(dollars.amount()).isEqualByComparingTo("116000");
		});
	}

	@Test
	void aCurrencyTheTableDoesNotListHasNoRate() {
		assertThat(new Amount(new BigDecimal("1000"), "XAF").in("PEN", this.rates)).isEmpty();
		assertThat(new Amount(new BigDecimal("1000"), "PEN").in("XAF", this.rates)).isEmpty();
		assertThat(this.rates.usdPerUnit("XAF")).isEmpty();
		assertThat(this.rates.wholeUsd(new BigDecimal("1000"), "XAF")).isEmpty();
		assertThat(this.rates.convert(null, "PEN", "USD")).as("no amount").isEmpty();
	}

	@Test
	void wholeDollarsAreRoundedHalfUp() {
		assertThat(this.rates.wholeUsd(new BigDecimal("10"), "PEN")).hasValue(3);
		assertThat(this.rates.wholeUsd(new BigDecimal("5"), "PEN")).as("1.475 USD").hasValue(1);
		assertThat(this.rates.wholeUsd(new BigDecimal("300000"), "EUR")).hasValue(348_000);
	}

}
