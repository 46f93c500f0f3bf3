package pe.gob.munlima.convoca.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report's charts as geometry for server-rendered SVG: horizontal bars, each row a
 * label above its bar and the value beside it. Computed here so the template only draws
 * (no script, nothing fetched; the CSP allows neither).
 */
@Component
class ReportCharts {

	/** Widest bar, in SVG units; the value's label goes to its right. */
	static final double BAR_MAX = 300;

	static final int ROW = 40;

	private final MessageSource messages;

	ReportCharts(MessageSource messages) {
		this.messages = messages;
	}

	List<BarChart> of(SummaryReport report, Locale locale) {
		List<BarChart> charts = new ArrayList<>();
		List<Item> verdicts = new ArrayList<>();
		for (Map.Entry<String, Long> verdict : report.matchesByVerdict().entrySet()) {
			verdicts.add(new Item(text("verdict." + verdict.getKey(), locale), BigDecimal.valueOf(verdict.getValue()),
					"verdict-" + verdict.getKey()));
		}
		charts.add(chart("verdicts", "report.chart.verdicts", null, verdicts, locale));
		var counts = report.applications();
		charts.add(chart("applications", "report.chart.applications", null,
				List.of(item("report.applications.started", counts.started(), "stage-APPLYING", locale),
						item("report.applications.submitted", counts.submitted(), "stage-SUBMITTED", locale),
						item("report.applications.awarded", counts.awarded(), "stage-AWARDED", locale),
						item("report.applications.notAwarded", counts.notAwarded(), "stage-NOT_AWARDED", locale),
						item("report.applications.discarded", counts.discarded(), "stage-DISCARDED", locale)),
				locale));
		charts.add(chart("money", "report.chart.money", Tally.USD,
				List.of(new Item(text("report.amountRequested", locale), report.amountRequested().usd(), "requested"),
						new Item(text("report.amountObtained", locale), report.amountObtained().usd(), "obtained")),
				locale));
		charts.add(chart("reasons", "report.chart.reasons", null,
				report.topNotEligibleReasons()
					.stream()
					.map(reason -> new Item(reason.label(), BigDecimal.valueOf(reason.matches()), "reason"))
					.toList(),
				locale));
		return charts;
	}

	private BarChart chart(String id, String titleKey, String currency, List<Item> items, Locale locale) {
		BigDecimal max = BigDecimal.ZERO;
		for (Item item : items) {
			max = max.max(item.value());
		}
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			double width = max.signum() == 0 ? 0 : item.value().doubleValue() / max.doubleValue() * BAR_MAX;
			// A non-zero value stays visible however small beside the largest.
			width = item.value().signum() > 0 ? Math.max(width, 2) : 0;
			bars.add(new Bar(item.label(), item.value(), item.cssClass(), Math.round(width * 10) / 10.0, i * ROW));
		}
		return new BarChart(id, text(titleKey, locale), currency, bars, Math.max(items.size(), 1) * ROW);
	}

	private Item item(String key, long value, String cssClass, Locale locale) {
		return new Item(text(key, locale), BigDecimal.valueOf(value), cssClass);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private record Item(String label, BigDecimal value, String cssClass) {
	}

	/**
	 * @param currency the values' currency for money charts; null for counts
	 * @param height the SVG's height in its units
	 */
	public record BarChart(String id, String title, String currency, List<Bar> bars, int height) {

		public boolean isEmpty() {
			return this.bars.stream().allMatch(bar -> bar.value().signum() == 0);
		}

	}

	/**
	 * @param width the bar's length in SVG units
	 * @param y the top of the bar's row
	 */
	public record Bar(String label, BigDecimal value, String cssClass, double width, int y) {

		/** Where the value's label starts, right after the bar. */
		public double valueX() {
			return this.width + 8;
		}

	}

}
