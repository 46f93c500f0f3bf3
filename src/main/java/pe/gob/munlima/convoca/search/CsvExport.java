package pe.gob.munlima.convoca.search;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import pe.gob.munlima.convoca.export.Csv;
import pe.gob.munlima.convoca.export.Table;

/**
 * Search results as CSV, one row per call, written by the shared {@link Csv} writer
 * (UTF-8 with BOM, formula injection defused: titles come from third-party sites).
 */
final class CsvExport {

	private static final List<String> HEADER = List.of("id", "titulo", "financiador", "estado", "fecha_limite",
			"monto_min", "monto_max", "moneda", "monto_usd", "solicitantes", "temas", "idioma", "url");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(CallSearch.LIMA);

	private CsvExport() {
	}

	static String write(List<SearchResult.Hit> hits) {
		List<List<Object>> rows = hits.stream()
			.map(hit -> Arrays.<Object>asList(hit.id(), hit.title(), hit.funder(), hit.status(), day(hit.deadline()),
					hit.amountMin(), hit.amountMax(), hit.currency(), hit.amountUsd(),
					String.join("; ", hit.applicantTypes()), String.join("; ", hit.themes()), hit.language(),
					hit.sourceUrl()))
			.toList();
		return Csv.write(new Table("convocatorias", HEADER, rows));
	}

	private static String day(Instant instant) {
		return instant == null ? null : DAY.format(instant);
	}

}
