package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
			""")
	void readsAmountsAndCurrencies(String text, BigDecimal min, BigDecimal max, String currency) {
		AmountParser.Amounts amounts = AmountParser.parse(TextFolding.fold(text)).orElseThrow();
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
		assertThat(AmountParser.parse(TextFolding.fold(text))).isEmpty();
	}

}
