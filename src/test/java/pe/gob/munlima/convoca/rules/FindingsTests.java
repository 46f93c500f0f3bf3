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

	@Test
	void listsAreJoinedAndOtherValuesKeptAsText() {
		assertThat(Findings.text(List.of("C40", "UCCI"))).isEqualTo("C40, UCCI");
		assertThat(Findings.text(8_574_974L)).isEqualTo("8,574,974");
		assertThat(Findings.text(java.time.LocalDate.of(2027, 3, 15))).isEqualTo("2027-03-15");
	}

}
