package pe.gob.munlima.convoca.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pe.gob.munlima.convoca.export.Table;
import pe.gob.munlima.convoca.report.SummaryReport.Money;
import pe.gob.munlima.convoca.report.SummaryReport.ReasonCount;
import pe.gob.munlima.convoca.money.Amount;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report as one table, the same for the CSV and the XLSX download, so both hold the
 * figures of the API. Each row has a stable key (what a script reads, e.g.
 * {@code amountObtained.usd}), the section and indicator in the reader's language, the
 * value (a number, a date or text) and its unit.
 */
@Component
class ReportTable {

	static final List<String> HEADER = List.of("clave", "seccion", "indicador", "valor", "unidad");

	private final MessageSource messages;

	ReportTable(MessageSource messages) {
		this.messages = messages;
	}

	Table of(SummaryReport report, Locale locale) {
		Rows rows = new Rows(locale);
		String all = text("report.filter.all", locale);
		rows.add("period.from", "period", "report.period.from", report.from(), null);
		rows.add("period.to", "period", "report.period.to", report.to(), null);
		rows.add("filter.gerencia", "filter", "report.filter.gerencia", or(report.gerencia(), all), null);
		rows.add("filter.funder", "filter", "report.filter.funder", or(report.funder(), all), null);
		rows.add("filter.theme", "filter", "report.filter.theme", or(report.theme(), all), null);
		rows.add("callsDetected", "calls", "report.callsDetected", report.callsDetected(), "report.unit.calls");
		for (Map.Entry<String, Long> verdict : report.matchesByVerdict().entrySet()) {
			rows.add("matches." + verdict.getKey(), "matches", text("verdict." + verdict.getKey(), locale),
					verdict.getValue(), "report.unit.matches");
		}
		var counts = report.applications();
		rows.add("applications.started", "applications", "report.applications.started", counts.started(),
				"report.unit.applications");
		rows.add("applications.submitted", "applications", "report.applications.submitted", counts.submitted(),
				"report.unit.applications");
		rows.add("applications.awarded", "applications", "report.applications.awarded", counts.awarded(),
				"report.unit.applications");
		rows.add("applications.notAwarded", "applications", "report.applications.notAwarded", counts.notAwarded(),
				"report.unit.applications");
		rows.add("applications.discarded", "applications", "report.applications.discarded", counts.discarded(),
				"report.unit.applications");
		rows.add("successRate", "successRate", report.successRate().definition(), report.successRate().value(),
				"report.unit.ratio");
		money(rows, "amountRequested", report.amountRequested());
		money(rows, "amountObtained", report.amountObtained());
		rows.add("rates.date", "rates", "report.rates.date", report.rates().date(), null);
		report.rates()
			.usdPerUnit()
			.forEach((currency, rate) -> rows.add("rates.usdPer." + currency, "rates",
					this.messages.getMessage("report.rates.usdPer", new Object[] { currency }, locale), rate, "USD"));
		for (ReasonCount reason : report.topNotEligibleReasons()) {
			rows.add("notEligible." + reason.ruleId(), "notEligible", reason.label(), reason.matches(),
					"report.unit.matches");
		}
		var days = report.detectionToSubmission();
		rows.add("detectionToSubmission.applications", "detectionToSubmission",
				"report.detectionToSubmission.applications", days.applications(), "report.unit.applications");
		rows.add("detectionToSubmission.median", "detectionToSubmission", "report.detectionToSubmission.median",
				days.median(), "report.unit.days");
		rows.add("detectionToSubmission.mean", "detectionToSubmission", "report.detectionToSubmission.mean",
				days.mean(), "report.unit.days");
		return new Table(text("report.sheet", locale), HEADER, rows.rows);
	}

	private void money(Rows rows, String key, Money money) {
		rows.add(key + ".pen", key, "report.money.pen", money.pen(), "PEN");
		rows.add(key + ".usd", key, "report.money.usd", money.usd(), "USD");
		for (Amount amount : money.byCurrency()) {
			rows.add(key + ".given." + amount.currency(), key, "report.money.given", amount.amount(),
					amount.currency());
		}
		for (Amount amount : money.unconverted()) {
			rows.add(key + ".unconverted." + amount.currency(), key, "report.money.unconverted", amount.amount(),
					amount.currency());
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static String or(String value, String fallback) {
		return value == null ? fallback : value;
	}

	/**
	 * Rows being written: sections, indicators and units are message keys, or text
	 * already rendered (a key that is not in the bundles shows as itself).
	 */
	private final class Rows {

		private final Locale locale;

		private final List<List<Object>> rows = new ArrayList<>();

		Rows(Locale locale) {
			this.locale = locale;
		}

		void add(String key, String section, String indicator, Object value, String unit) {
			this.rows.add(Arrays.asList(key, text("report.section." + section, this.locale),
					text(indicator, this.locale), value, unit == null ? null : text(unit, this.locale)));
		}

	}

}
