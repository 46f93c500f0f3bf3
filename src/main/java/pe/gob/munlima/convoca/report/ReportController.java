package pe.gob.munlima.convoca.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.export.Csv;
import pe.gob.munlima.convoca.export.Table;
import pe.gob.munlima.convoca.export.Xlsx;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/summary?from=&to=&gerencia=&funder=&theme=&format=}: the
 * benefit report as JSON (default), CSV or XLSX. Without dates it covers this year so
 * far.
 */
@RestController
class ReportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Reports reports;

	private final ReportTable table;

	private final GivingExport giving;

	ReportController(Reports reports, ReportTable table, GivingExport giving) {
		this.reports = reports;
		this.table = table;
		this.giving = giving;
	}

	@GetMapping("/api/reports/summary")
	ResponseEntity<?> summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String gerencia, @RequestParam(required = false) String funder,
			@RequestParam(required = false) String theme, @RequestParam(defaultValue = "json") String format,
			Locale locale) throws IOException {
		ReportQuery query = this.reports.query(from, to, gerencia, funder, theme);
		String kind = kind(format);
		SummaryReport report = this.reports.summary(query, locale);
		return "json".equals(kind) ? ResponseEntity.ok(report)
				: download(this.table.of(report, locale), kind, "informe-convoca-" + query.from() + "-" + query.to());
	}

	/**
	 * {@code GET /api/reports/360giving?from=&to=&gerencia=&funder=&theme=&format=}: the
	 * awards of the period in the 360Giving Data Standard, as its JSON package (default)
	 * or its one-sheet layout in CSV or XLSX.
	 */
	@GetMapping("/api/reports/360giving")
	ResponseEntity<?> giving(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String gerencia, @RequestParam(required = false) String funder,
			@RequestParam(required = false) String theme, @RequestParam(defaultValue = "json") String format,
			Locale locale) throws IOException {
		ReportQuery query = this.reports.query(from, to, gerencia, funder, theme);
		String kind = kind(format);
		GivingPackage grants = this.giving.of(query, locale);
		return "json".equals(kind) ? ResponseEntity.ok(grants) : download(this.giving.table(grants, locale), kind,
				"360giving-convoca-" + query.from() + "-" + query.to());
	}

	/** json, csv or xlsx; anything else is refused before any work is done. */
	private static String kind(String format) {
		String kind = format.strip().toLowerCase(Locale.ROOT);
		if (!List.of("json", "csv", "xlsx").contains(kind)) {
			throw new ReportRefusedException(HttpStatus.BAD_REQUEST, "format", format);
		}
		return kind;
	}

	/** A table as a CSV or XLSX download named {@code name} plus the extension. */
	private static ResponseEntity<byte[]> download(Table table, String kind, String name) throws IOException {
		if ("csv".equals(kind)) {
			return download(Csv.write(table).getBytes(StandardCharsets.UTF_8), CSV, name + ".csv");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Xlsx.write(List.of(table), out);
		return download(out.toByteArray(), XLSX, name + ".xlsx");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
