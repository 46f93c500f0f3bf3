package pe.gob.munlima.convoca.rules;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0            | 0
			24           | 24
			999          | 999
			1000         | 1,000
			8574974      | 8,574,974
			324000.0     | 324,000
			12.5         | 12.5
			1234567.891  | 1,234,567.89
			-4500        | -4,500
			""")
	void numbersReadAsLimaWritesThem(String value, String expected) {
		assertThat(Findings.text(Double.valueOf(value))).isEqualTo(expected);
	}

	/**
	 * Doubles take a shortcut that never builds their decimal form; it must give what
	 * rounding that form gives, ties and large values included.
	 */
	@Test
	void doublesReadAsTheirShortestDecimalFormRoundedToCents() {
		java.util.Random random = new java.util.Random(11);
		List<Double> values = new java.util.ArrayList<>(List.of(0.005, 0.015, 1.005, 2.675, -0.005, -1.125, -0.001,
				-0.0, 0.1 + 0.2, 1e12, 9_999_999_999.995, 123_456_789.125, 1e15 + 0.5, 4.35 * 100, 1.0 / 3,
				Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
		for (int i = 0; i < 200_000; i++) {
			double magnitude = Math.pow(10, random.nextInt(16) - 3);
			double value = (random.nextDouble() - 0.3) * magnitude;
			// A third lands on thousandths, where half-cent ties live.
			values.add(i % 3 == 0 ? Math.round(value * 1000) / 1000.0 : value);
		}
		for (double value : values) {
			assertThat(Findings.text(value)).as("%s", value)
				.isEqualTo(Findings.number(new java.math.BigDecimal(Double.toString(value))));
		}
	}

	@Test
	void longsReadWithThousandsSeparators() {
		java.util.Random random = new java.util.Random(13);
		List<Long> values = new java.util.ArrayList<>(List.of(0L, -1L, 999L, -1000L, Long.MAX_VALUE, Long.MIN_VALUE));
		for (int i = 0; i < 10_000; i++) {
			values.add(random.nextLong() >> random.nextInt(63));
		}
		for (long value : values) {
			assertThat(Findings.text(value)).as("%s", value)
				.isEqualTo(Findings.number(new java.math.BigDecimal(Long.toString(value))));
		}
	}

	@Test
	void listsAreJoinedAndOtherValuesKeptAsText() {
		assertThat(Findings.text(List.of("C40", "UCCI"))).isEqualTo("C40, UCCI");
		assertThat(Findings.text(List.of("", "UCCI", 1500.5))).isEqualTo(", UCCI, 1,500.5");
		assertThat(Findings.text(8_574_974L)).isEqualTo("8,574,974");
		assertThat(Findings.text(java.time.LocalDate.of(2027, 3, 15))).isEqualTo("2027-03-15");
	}

}
