package pe.gob.munlima.convoca.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import pe.gob.munlima.convoca.money.Amount;
import pe.gob.munlima.convoca.money.RateTable;
import pe.gob.munlima.convoca.report.SummaryReport.Days;
import pe.gob.munlima.convoca.report.SummaryReport.Money;

/** The arithmetic of reports, kept apart so it is tested without a database. */
final class Tally {

	static final String PEN = "PEN";

	static final String USD = "USD";

	private Tally() {
	}

	/**
	 * Adds amounts given in any currency: each is converted to PEN and USD at full
	 * precision with the dated table, and each total is rounded once, to the cent.
	 */
	static Money money(List<Amount> amounts, RateTable rates) {
		Map<String, BigDecimal> given = new TreeMap<>();
		Map<String, BigDecimal> missing = new TreeMap<>();
		BigDecimal pen = BigDecimal.ZERO;
		BigDecimal usd = BigDecimal.ZERO;
		for (Amount amount : amounts) {
			given.merge(amount.currency(), amount.amount(), BigDecimal::add);
			Optional<Amount> inPen = amount.in(PEN, rates);
			Optional<Amount> inUsd = amount.in(USD, rates);
			if (inPen.isPresent() && inUsd.isPresent()) {
				pen = pen.add(inPen.get().amount());
				usd = usd.add(inUsd.get().amount());
			}
			else {
				missing.merge(amount.currency(), amount.amount(), BigDecimal::add);
			}
		}
		return new Money(cents(pen), cents(usd), amounts(given), amounts(missing));
	}

	/**
	 * Median and mean of whole days; the median of an even count is the middle pair's
	 * mean.
	 */
	static Days days(List<Long> days) {
		if (days.isEmpty()) {
			return new Days(0, null, null);
		}
		List<Long> sorted = new ArrayList<>(days);
		sorted.sort(null);
		int n = sorted.size();
		BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
				: BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
					.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
		long sum = 0;
		for (long day : sorted) {
			sum += day;
		}
		BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
		return new Days(n, median, mean);
	}

	/** {@code awarded / decided} to four decimals (0.6667), or null when none decided. */
	static BigDecimal rate(long awarded, long decided) {
		return decided == 0 ? null
				: BigDecimal.valueOf(awarded).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
	}

	private static BigDecimal cents(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	private static List<Amount> amounts(Map<String, BigDecimal> byCurrency) {
		return byCurrency.entrySet().stream().map(e -> new Amount(e.getValue(), e.getKey())).toList();
	}

}
