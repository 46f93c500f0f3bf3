package pe.gob.munlima.convoca.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table to download: a header and rows of cells. A cell is text, a number, a
 * {@link java.time.LocalDate} or null (empty); numbers and dates stay numbers and dates
 * in an XLSX file, so a spreadsheet can add and sort them.
 *
 * @param name the sheet's name in an XLSX file
 */
public record Table(String name, List<String> header, List<List<Object>> rows) {

	public Table {
		header = List.copyOf(header);
		List<List<Object>> copied = new ArrayList<>(rows.size());
		for (List<Object> row : rows) {
			// Cells may be null, which List.copyOf refuses.
			copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
		}
		rows = Collections.unmodifiableList(copied);
	}

}
