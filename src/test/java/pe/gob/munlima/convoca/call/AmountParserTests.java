package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static pe.gob.munlima.convoca.call.ReadingFiles.AMOUNTS;
import static org.assertj.core.api.Assertions.assertThat;

class AmountParserTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Subvenciones de EUR 500.000 por proyecto              | -      | 500000  | EUR
			Aporte de hasta US$ 1,5 millones                      | -      | 1500000 | USD
			Presupuesto: S/ 263,000.00                            | -      | 263000  | PEN
			Grants of €2.5 million                                | -      | 2500000 | EUR
			Funding up to USD 50,000 per city                     | -      | 50000   | USD
			Montos entre 100 000 y 300 000 euros                  | 100000 | 300000  | EUR
			Awards from USD 25,000 to USD 75,000                  | 25000  | 75000   | USD
			Financement minimum de 10 000 EUR                     | 10000  | -       | EUR
			Importe: 1.234.567,89 euros                           | -      | 1234567.89 | EUR
			Up to €60,000 per national grant.                     | -      | 60000   | EUR
			Hasta  €5,000 por pequeño financiamiento.             | -      | 5000    | EUR
			Awards up to USD 1.5M each                            | -      | 1500000 | USD
			Financement jusqu'à 200 000 € par projet              | -      | 200000  | EUR
			Apoio de até R$ 150.000,00 por projeto                | -      | 150000  | BRL
			Award Floor: US$ 300,000                              | 300000 | -       | USD
			Grants range between 10.000 and 50.000 EUR            | 10000  | 50000   | EUR
			""")
	void readsAmountsAndCurrencies(String text, BigDecimal min, BigDecimal max, String currency) {
		AmountParser.Amounts amounts = AMOUNTS.parse(TextFolding.fold(text)).orElseThrow();
		assertRange(amounts, min, max, currency);
	}

	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			valor total estímulos $ 350.000.000                  | COP | -      | 350000000 | COP
			catorce estímulos por valor de ($25’000.000) cada uno | COP | -      | 25000000  | COP
			salary of $60,000 - $70,000                           | USD | 60000  | 70000     | USD
			These grants range from $5,000 to $20,000.            | USD | 5000   | 20000     | USD
			approximately $42.5M                                  | USD | -      | 42500000  | USD
			Award Ceiling: $15,000,000                            | USD | -      | 15000000  | USD
			""")
	void aBareDollarTakesTheSourcesCurrency(String text, String dollar, BigDecimal min, BigDecimal max,
			String currency) {
		AmountParser.Amounts amounts = AMOUNTS.parse(TextFolding.fold(text), dollar).orElseThrow();
		assertRange(amounts, min, max, currency);
	}

	@Test
	void aBareDollarWithoutTheSourcesCountryIsNotRead() {
		assertThat(AMOUNTS.parse(TextFolding.fold("Premio de $ 350.000.000"))).isEmpty();
		assertThat(AMOUNTS.parse(TextFolding.fold("Premio de US$ 350.000"))).isPresent();
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', nullValues = "-", emptyValue = "", textBlock = """
			125000           | 125000
			125000.00        | 125000
			1,500,000        | 1500000
			$ 350.000.000    | 350000000
			none             | -
			N/A              | -
			0                | -
			$ 0              | -
			""")
	void readsANumberGivenInAFieldOfItsOwn(String value, BigDecimal expected) {
		if (expected == null) {
			assertThat(AmountParser.amount(value)).isNull();
		}
		else {
			assertThat(AmountParser.amount(value)).isEqualByComparingTo(expected);
		}
	}

	/**
	 * Issue 14: "EUR 1e309" was stored as 309 EUR (or 1 EUR): a number cut out of a
	 * longer one. An amount beyond any real grant is unknown.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			1e309 EUR
			EUR 1e309
			Hasta EUR 1E+309 por proyecto
			Grants of EUR 1000000000000000000000
			Montos entre 1e3 y 1e400 euros
			""")
	void aNumberThatOverflowsIsUnknownNotTruncated(String text) {
		assertThat(AMOUNTS.parse(TextFolding.fold(text))).isEmpty();
		MoneyReader money = new MoneyReader(AMOUNTS, null);
		money.read(text, TextFolding.fold(text), new java.util.HashMap<>());
		assertThat(money.amounts()).isNull();
		assertThat(money.total()).isNull();
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', textBlock = """
			1e309
			1E+309
			1e400
			99999999999999999999
			""")
	void aFieldNumberThatOverflowsIsUnknown(String value) {
		assertThat(AmountParser.amount(value)).isNull();
		assertThat(AmountParser.amount("EUR 999999999999999")).as("the largest amount still read")
			.isEqualByComparingTo("999999999999999");
	}

	/** A JSON number a source's field gives as text is read whole, not cut. */
	@Test
	void anAmountInExponentNotationIsReadWhole() {
		assertThat(AmountParser.amount("7.232381237E7")).isEqualByComparingTo("72323812.37");
		assertThat(AmountParser.amount("2.9E9")).isEqualByComparingTo("2900000000");
		assertRange(AMOUNTS.parse(TextFolding.fold("Up to USD 1.5e6 per city")).orElseThrow(), null,
				new BigDecimal("1500000"), "USD");
	}

	private static void assertRange(AmountParser.Amounts amounts, BigDecimal min, BigDecimal max, String currency) {
		assertThat(amounts.currency()).isEqualTo(currency);
		if (min == null) {
			assertThat(amounts.min()).isNull();
		}
		else {
			assertThat(amounts.min()).isEqualByComparingTo(min);
		}
		if (max == null) {
			assertThat(amounts.max()).isNull();
		}
		else {
			assertThat(amounts.max()).isEqualByComparingTo(max);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Convocatoria 2027 para 15 ciudades
			Amounts in EUR 100,000 and USD 50,000 mixed
			""")
	void aSentenceWithoutOneClearCurrencyStatesNoAmount(String text) {
		assertThat(AMOUNTS.parse(TextFolding.fold(text))).isEmpty();
	}

}
