package pe.gob.munlima.convoca.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.money.Amount;
import pe.gob.munlima.convoca.money.RateTable;
import pe.gob.munlima.convoca.report.SummaryReport.Days;
import pe.gob.munlima.convoca.report.SummaryReport.Money;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTests {

	final RateTable rates = new RateTable(LocalDate.of(2025, 11, 3), null,
			Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.16"), "PEN", new BigDecimal("0.295")));

	@Test
	void amountsAreConvertedAtFullPrecisionAndEachTotalRoundedOnce() {
		Money money = Tally.money(
				List.of(new Amount(new BigDecimal("100000"), "EUR"), new Amount(new BigDecimal("300000"), "PEN"),
						new Amount(new BigDecimal("50000"), "USD"), new Amount(new BigDecimal("0.01"), "PEN"),
						new Amount(new BigDecimal("0.01"), "PEN"), new Amount(new BigDecimal("1000"), "XAF")),
				this.rates);

		// 116,000 + 88,500.00295 + 50,000 = 254,500.0059 USD
		assertThat(money.usd()).isEqualByComparingTo("254500.01");
		// 393,220.33898 + 300,000.02 + 169,491.52542 = 862,711.8844 PEN
		assertThat(money.pen()).isEqualByComparingTo("862711.88");
		assertThat(money.byCurrency()).containsExactly(new Amount(new BigDecimal("100000"), "EUR"),
				new Amount(new BigDecimal("300000.02"), "PEN"), new Amount(new BigDecimal("50000"), "USD"),
				new Amount(new BigDecimal("1000"), "XAF"));
		assertThat(money.unconverted()).as("a currency the table lacks is listed, not added")
			.containsExactly(new Amount(new BigDecimal("1000"), "XAF"));
	}

	@Test
	void noAmountIsZeroInBothCurrencies() {
		Money money = Tally.money(List.of(), this.rates);
		assertThat(money.pen()).isEqualByComparingTo("0");
		assertThat(money.usd()).isEqualByComparingTo("0");
	}

	@Test
	void medianAndMeanOfDays() {
		assertThat(Tally.days(List.of(24L, 14L, 20L)))
			.isEqualTo(new Days(3, new BigDecimal("20"), new BigDecimal("19.3")));
		assertThat(Tally.days(List.of(10L, 3L, 7L, 30L)))
			.isEqualTo(new Days(4, new BigDecimal("8.5"), new BigDecimal("12.5")));
		assertThat(Tally.days(List.of())).isEqualTo(new Days(0, null, null));
	}

	@Test
	void successRateIsAwardedOverDecided() {
		assertThat(Tally.rate(2, 3)).isEqualByComparingTo("0.6667");
		assertThat(Tally.rate(0, 4)).isEqualByComparingTo("0");
		assertThat(Tally.rate(0, 0)).isNull();
	}

}
