package pe.gob.munlima.convoca.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as an XLSX workbook, one sheet per table, written by fastexcel (streaming, no
 * Apache POI). Text cells are stored as strings, never as formulas, so a title starting
 * with "=" cannot run in Excel; numbers and dates keep their types (dates shown as
 * dd/mm/yyyy, as Peru writes them).
 */
public final class Xlsx {

	private Xlsx() {
	}

	public static void write(List<Table> tables, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Convoca", "1.0");
		for (Table table : tables) {
			sheet(workbook.newWorksheet(table.name()), table);
		}
		workbook.finish();
	}

	private static void sheet(Worksheet sheet, Table table) {
		for (int c = 0; c < table.header().size(); c++) {
			sheet.value(0, c, table.header().get(c));
			sheet.style(0, c).bold().set();
		}
		for (int r = 0; r < table.rows().size(); r++) {
			List<Object> row = table.rows().get(r);
			for (int c = 0; c < row.size(); c++) {
				cell(sheet, r + 1, c, row.get(c));
			}
		}
		sheet.freezePane(0, 1);
	}

	private static void cell(Worksheet sheet, int r, int c, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Number number) {
			sheet.value(r, c, number);
		}
		else if (value instanceof LocalDate day) {
			sheet.value(r, c, day);
			sheet.style(r, c).format("dd/mm/yyyy").set();
		}
		else {
			sheet.value(r, c, value.toString());
		}
	}

}
