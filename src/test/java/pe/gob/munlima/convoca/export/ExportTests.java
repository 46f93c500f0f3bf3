package pe.gob.munlima.convoca.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTests {

	private final Table table = new Table("Resumen", List.of("indicador", "valor", "fecha"),
			List.of(Arrays.asList("=HYPERLINK(\"http://x\")", new BigDecimal("393220.34"), LocalDate.of(2026, 3, 15)),
					Arrays.asList("Fondo, \"Ciudades\"", -5, null), Arrays.asList("Año de la ñandú", 12L, null)));

	@Test
	void csvQuotesDefusesFormulasAndKeepsNumbersAndAccents() {
		List<String> lines = Csv.write(this.table).lines().toList();

		assertThat(lines).containsExactly(Csv.BOM + "indicador,valor,fecha",
				"\"'=HYPERLINK(\"\"http://x\"\")\",393220.34,2026-03-15", "\"Fondo, \"\"Ciudades\"\"\",-5,",
				"Año de la ñandú,12,");
		assertThat(Csv.escape("+51 1 234")).isEqualTo("'+51 1 234");
		assertThat(Csv.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.escape(" espacio")).isEqualTo("\" espacio\"");
	}

	@Test
	void xlsxKeepsTextAsTextAndNumbersAndDatesTyped() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Xlsx.write(List.of(this.table, new Table("Otra", List.of("a"), List.of())), out);

		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("Resumen", "Otra");
			List<Row> rows = sheets.get(0).read();
			assertThat(rows).hasSize(4);
			assertThat(rows.get(0).getCellText(1)).isEqualTo("valor");
			// A formula-looking title stays plain text: no formula cell.
			assertThat(rows.get(1).getCell(0).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
			assertThat(rows.get(1).getCellText(0)).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(rows.get(1).getCellAsNumber(1)).contains(new BigDecimal("393220.34"));
			assertThat(rows.get(1).getCellAsDate(2).map(java.time.LocalDateTime::toLocalDate))
				.contains(LocalDate.of(2026, 3, 15));
			assertThat(rows.get(3).getCellText(0)).isEqualTo("Año de la ñandú");
		}
	}

}
