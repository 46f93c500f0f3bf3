package pe.gob.munlima.convoca.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * Tables as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel in Spanish opens
 * accents correctly, every field quoted when it holds a comma, quote, line break or edge
 * spaces, and cells that a spreadsheet would run as a formula (=, +, -, @) defused with a
 * leading apostrophe: titles and funders come from third-party sites.
 * <p>
 * Hand-written on purpose (issue 15 asked for jackson-dataformat-csv, already on the
 * classpath for csv sources; it was tried against {@code ExportTests}): in its strict
 * quoting mode Jackson leaves a field with edge spaces unquoted (" espacio" comes back as
 * "espacio" from a spreadsheet that trims), and in its default loose mode it quotes every
 * field holding a space or any character below '-' ("Año de la ñandú" quoted). Neither
 * option gives "quote exactly when needed", and no CSV library defuses formulas, which is
 * the part that matters; the writer is these thirty lines.
 */
public final class Csv {

	public static final String BOM = "\uFEFF";

	private Csv() {
	}

	public static String write(Table table) {
		StringBuilder csv = new StringBuilder(BOM);
		row(csv, table.header());
		for (List<Object> cells : table.rows()) {
			row(csv, cells.stream().map(Csv::text).toList());
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(escape(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/** One field, quoted and defused as needed. */
	public static String escape(String cell) {
		String value = cell;
		if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value)) {
			value = "'" + value;
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
				|| !value.equals(value.strip())) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static boolean isNumber(String value) {
		return value.matches("[-+]?\\d+(\\.\\d+)?");
	}

	/** Numbers without exponent or grouping, dates as ISO (2026-03-15), null as empty. */
	private static String text(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return cell.toString();
	}

}
