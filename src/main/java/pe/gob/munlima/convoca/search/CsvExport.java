package pe.gob.munlima.convoca.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Search results as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel in Spanish
 * opens accents correctly, every field quoted when it holds a comma, quote or line break,
 * and cells that a spreadsheet would run as a formula (=, +, -, @) defused with a leading
 * apostrophe: titles come from third-party sites.
 */
final class CsvExport {

	static final String BOM = "\uFEFF";

	private static final List<String> HEADER = List.of("id", "titulo", "financiador", "estado", "fecha_limite",
			"monto_min", "monto_max", "moneda", "monto_usd", "solicitantes", "temas", "idioma", "url");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(CallSearch.LIMA);

	private CsvExport() {
	}

	static String write(List<SearchResult.Hit> hits) {
		StringBuilder csv = new StringBuilder(BOM);
		row(csv, HEADER);
		for (SearchResult.Hit hit : hits) {
			row(csv, List.of(Long.toString(hit.id()), text(hit.title()), text(hit.funder()), text(hit.status()),
					day(hit.deadline()), number(hit.amountMin()), number(hit.amountMax()), text(hit.currency()),
					hit.amountUsd() == null ? "" : hit.amountUsd().toString(), String.join("; ", hit.applicantTypes()),
					String.join("; ", hit.themes()), text(hit.language()), text(hit.sourceUrl())));
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

	static String escape(String cell) {
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

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String number(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

	private static String day(Instant instant) {
		return instant == null ? "" : DAY.format(instant);
	}

}
