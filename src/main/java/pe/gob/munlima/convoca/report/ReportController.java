package pe.gob.munlima.convoca.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.export.Csv;
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
		SummaryReport report = this.reports.summary(query, locale);
		String name = "informe-convoca-" + query.from() + "-" + query.to();
		return switch (format.strip().toLowerCase(Locale.ROOT)) {
			case "json" -> ResponseEntity.ok(report);
			case "csv" ->
				download(Csv.write(this.table.of(report, locale)).getBytes(StandardCharsets.UTF_8), CSV, name + ".csv");
			case "xlsx" -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				Xlsx.write(List.of(this.table.of(report, locale)), out);
				yield download(out.toByteArray(), XLSX, name + ".xlsx");
			}
			default -> throw new ReportRefusedException(HttpStatus.BAD_REQUEST, "format", format);
		};
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
		String kind = format.strip().toLowerCase(Locale.ROOT);
		if (!List.of("json", "csv", "xlsx").contains(kind)) {
			throw new ReportRefusedException(HttpStatus.BAD_REQUEST, "format", format);
		}
		GivingPackage grants = this.giving.of(query, locale);
		String name = "360giving-convoca-" + query.from() + "-" + query.to();
		return switch (kind) {
			case "csv" -> download(Csv.write(this.giving.table(grants, locale)).getBytes(StandardCharsets.UTF_8), CSV,
					name + ".csv");
			case "xlsx" -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				Xlsx.write(List.of(this.giving.table(grants, locale)), out);
				yield download(out.toByteArray(), XLSX, name + ".xlsx");
			}
			default -> ResponseEntity.ok(grants);
		};
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
