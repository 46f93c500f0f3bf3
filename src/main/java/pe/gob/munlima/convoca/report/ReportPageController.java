package pe.gob.munlima.convoca.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The report page ({@code /informes}): the filters, the figures, charts drawn as SVG on
 * the server, and links to the same report as CSV and XLSX (the API, which a logged-in
 * browser may call with its session).
 */
@Controller
class ReportPageController {

	private final Reports reports;

	private final ReportCharts charts;

	private final MessageSource messages;

	ReportPageController(Reports reports, ReportCharts charts, MessageSource messages) {
		this.reports = reports;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping("/informes")
	String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String gerencia, @RequestParam(required = false) String funder,
			@RequestParam(required = false) String theme, Model model, Locale locale) {
		model.addAttribute("gerencias", this.reports.gerencias());
		model.addAttribute("themes",
				this.reports.themes()
					.stream()
					.map(id -> new Choice(id, this.messages.getMessage("term." + id, null, id, locale)))
					.toList());
		ReportQuery query;
		try {
			query = this.reports.query(day(from), day(to), gerencia, funder, theme);
			model.addAttribute("query", Form.of(query));
			SummaryReport report = this.reports.summary(query, locale);
			model.addAttribute("report", report);
			model.addAttribute("charts", this.charts.of(report, locale));
			model.addAttribute("csv", download(query, "csv"));
			model.addAttribute("xlsx", download(query, "xlsx"));
			model.addAttribute("givingJson", download("/api/reports/360giving", query, "json"));
			model.addAttribute("givingCsv", download("/api/reports/360giving", query, "csv"));
			model.addAttribute("givingXlsx", download("/api/reports/360giving", query, "xlsx"));
		}
		catch (ReportRefusedException ex) {
			model.addAttribute("error",
					this.messages.getMessage(ex.getDetailMessageCode(), ex.getDetailMessageArguments(), locale));
		}
		catch (DateTimeParseException ex) {
			model.addAttribute("error",
					this.messages.getMessage("report.problem.date", new Object[] { ex.getParsedString() }, locale));
		}
		if (!model.containsAttribute("query")) {
			model.addAttribute("query", Form.of(new ReportQuery(null, null, gerencia, funder, theme)));
		}
		return "report/report";
	}

	private static LocalDate day(String text) {
		return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
	}

	private static String download(ReportQuery query, String format) {
		return download("/api/reports/summary", query, format);
	}

	private static String download(String path, ReportQuery query, String format) {
		return UriComponentsBuilder.fromPath(path)
			.queryParam("from", query.from())
			.queryParam("to", query.to())
			.queryParamIfPresent("gerencia", java.util.Optional.ofNullable(query.gerencia()))
			.queryParamIfPresent("funder", java.util.Optional.ofNullable(query.funder()))
			.queryParamIfPresent("theme", java.util.Optional.ofNullable(query.theme()))
			.queryParam("format", format)
			.encode()
			.build()
			.toUriString();
	}

	/** A value of a select and its label. */
	public record Choice(String code, String label) {
	}

	/** The filters as the form shows them again. */
	public record Form(LocalDate from, LocalDate to, String gerencia, String funder, String theme) {

		static Form of(ReportQuery query) {
			return new Form(query.from(), query.to(), query.gerencia(), query.funder(), query.theme());
		}

	}

}
