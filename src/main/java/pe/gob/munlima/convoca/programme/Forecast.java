package pe.gob.munlima.convoca.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The next window of a programme, from when its rounds opened: the cadence (yearly, every
 * two years, twice a year, or whatever the median interval says), the month it keeps, the
 * windows that did not come, and how regular the history is. Pure: the same rounds and
 * day give the same forecast, so nothing of it is stored.
 * <p>
 * A round with no opening date is taken to have opened its programme's typical window
 * (the median from opening to deadline of its other rounds, or
 * {@code forecast.typicalWindowDays}) before its deadline. Rounds that opened within 45
 * days of each other are one window (several topics of one call).
 */
final class Forecast {

	/** Calls opened this close together are one window. */
	private static final long SAME_WINDOW_DAYS = 45;

	private final ProgrammeSignals.ForecastParameters parameters;

	Forecast(ProgrammeSignals.ForecastParameters parameters) {
		this.parameters = parameters;
	}

	/**
	 * @param rounds the programme's rounds, in any order
	 * @param today the day the forecast is for: windows that passed before it without a
	 * round are missed
	 */
	Result of(List<RoundDates> rounds, LocalDate today) {
		List<LocalDate> windows = windows(rounds);
		List<YearMonth> opened = windows.stream().map(YearMonth::from).toList();
		if (windows.size() < this.parameters.minRounds()) {
			return new Result(Level.NONE, 0, null, 0, opened.size(), opened, List.of(), checks(windows));
		}
		Cadence cadence = cadence(windows);
		int tolerance = this.parameters.toleranceMonths();
		YearMonth last = opened.get(opened.size() - 1);
		YearMonth expected;
		int hits;
		if (cadence.months() == 12) {
			int month = usualMonth(opened, tolerance);
			hits = (int) opened.stream().filter(ym -> monthDistance(ym.getMonthValue(), month) <= tolerance).count();
			expected = YearMonth.of(last.getYear(), month);
			while (!expected.isAfter(last.plusMonths(tolerance))) {
				expected = expected.plusYears(1);
			}
		}
		else {
			hits = 1;
			for (int i = 1; i < opened.size(); i++) {
				long months = ChronoUnit.MONTHS.between(opened.get(i - 1), opened.get(i));
				if (Math.abs(months - cadence.months()) <= tolerance) {
					hits++;
				}
			}
			expected = last.plusMonths(cadence.months());
		}
		List<YearMonth> missed = new ArrayList<>();
		while (today.isAfter(expected.plusMonths(tolerance).atEndOfMonth())) {
			missed.add(expected);
			expected = expected.plusMonths(cadence.months());
		}
		int total = opened.size() + cadence.gaps() + missed.size();
		Level level;
		if (!cadence.regular()) {
			level = Level.BAJA;
		}
		else if (hits == total && opened.size() >= 3) {
			level = Level.ALTA;
		}
		else if (hits * 3 >= total * 2) {
			level = Level.MEDIA;
		}
		else {
			level = Level.BAJA;
		}
		return new Result(level, cadence.months(), expected, hits, total, opened, List.copyOf(missed), checks(windows));
	}

	/**
	 * The expectation each round met or not, from the rounds before it: the history of
	 * the forecasts, shown on the programme's page.
	 */
	private List<Check> checks(List<LocalDate> windows) {
		List<Check> checks = new ArrayList<>();
		for (int k = this.parameters.minRounds(); k < windows.size(); k++) {
			List<RoundDates> before = windows.subList(0, k).stream().map(d -> new RoundDates(d, null)).toList();
			LocalDate next = windows.get(k);
			Result earlier = new Forecast(this.parameters).of(before, windows.get(k - 1));
			if (earlier.expected() == null) {
				continue;
			}
			long off = ChronoUnit.MONTHS.between(earlier.expected(), YearMonth.from(next));
			checks.add(new Check(earlier.expected(), next, Math.abs(off) <= this.parameters.toleranceMonths()));
		}
		return List.copyOf(checks);
	}

	/** Each round's opening (or its estimate), windows merged, oldest first. */
	List<LocalDate> windows(List<RoundDates> rounds) {
		List<Long> spans = rounds.stream()
			.filter(r -> r.opened() != null && r.closed() != null && r.closed().isAfter(r.opened()))
			.map(r -> ChronoUnit.DAYS.between(r.opened(), r.closed()))
			.sorted()
			.toList();
		long typical = spans.isEmpty() ? this.parameters.typicalWindowDays() : spans.get(spans.size() / 2);
		List<LocalDate> openings = rounds.stream()
			.map(r -> r.opened() != null ? r.opened() : r.closed() == null ? null : r.closed().minusDays(typical))
			.filter(Objects::nonNull)
			.sorted(Comparator.naturalOrder())
			.toList();
		List<LocalDate> windows = new ArrayList<>();
		for (LocalDate opening : openings) {
			if (windows.isEmpty()
					|| ChronoUnit.DAYS.between(windows.get(windows.size() - 1), opening) > SAME_WINDOW_DAYS) {
				windows.add(opening);
			}
		}
		return windows;
	}

	/**
	 * The cadence the intervals between windows keep. Yearly when every interval is a
	 * whole number of years within two months (a programme that skipped a year is still
	 * yearly; the skipped years count against its confidence), every two years when at
	 * least two intervals all are, twice a year when the median is half a year; any other
	 * median interval is kept but irregular.
	 */
	private static Cadence cadence(List<LocalDate> windows) {
		List<Double> intervals = new ArrayList<>();
		for (int i = 1; i < windows.size(); i++) {
			intervals.add(ChronoUnit.DAYS.between(windows.get(i - 1), windows.get(i)) / 30.4375);
		}
		boolean yearly = true;
		boolean biennial = intervals.size() >= 2;
		int gaps = 0;
		for (double interval : intervals) {
			long years = Math.round(interval / 12);
			if (years < 1 || Math.abs(interval - 12 * years) > 2) {
				yearly = false;
			}
			else {
				gaps += (int) (years - 1);
			}
			biennial &= Math.abs(interval - 24) <= 3;
		}
		if (biennial) {
			return new Cadence(24, true, 0);
		}
		if (yearly) {
			return new Cadence(12, true, gaps);
		}
		intervals.sort(Comparator.naturalOrder());
		int n = intervals.size();
		double median = n % 2 == 1 ? intervals.get(n / 2) : (intervals.get(n / 2 - 1) + intervals.get(n / 2)) / 2;
		if (Math.abs(median - 6) <= 1.5) {
			return new Cadence(6, true, 0);
		}
		return new Cadence((int) Math.max(1, Math.round(median)), false, 0);
	}

	/**
	 * The month of the year most openings fall near (within the tolerance); a tie goes to
	 * the month nearest the latest opening, as a programme that moved keeps its new
	 * month.
	 */
	private static int usualMonth(List<YearMonth> opened, int tolerance) {
		int best = opened.get(opened.size() - 1).getMonthValue();
		long bestCount = -1;
		int bestExact = -1;
		int latest = best;
		for (int month = 1; month <= 12; month++) {
			int m = month;
			long count = opened.stream().filter(ym -> monthDistance(ym.getMonthValue(), m) <= tolerance).count();
			int exact = (int) opened.stream().filter(ym -> ym.getMonthValue() == m).count();
			boolean better = count > bestCount || (count == bestCount && exact > bestExact) || (count == bestCount
					&& exact == bestExact && monthDistance(m, latest) < monthDistance(best, latest));
			if (better) {
				best = month;
				bestCount = count;
				bestExact = exact;
			}
		}
		return best;
	}

	static int monthDistance(int a, int b) {
		int d = Math.abs(a - b) % 12;
		return Math.min(d, 12 - d);
	}

	/** A round's dates: when it opened and its deadline, either may be unknown. */
	record RoundDates(LocalDate opened, LocalDate closed) {
	}

	/**
	 * @param level how regular the history is; NONE when there are too few rounds
	 * @param cadenceMonths 12 for a yearly programme; 0 without a forecast
	 * @param expected the month the next window is expected, or null
	 * @param hits windows that kept the cadence (for a yearly one: opened within the
	 * tolerance of its usual month)
	 * @param total windows that opened plus those expected that did not come
	 * @param opened the month of each window, oldest first
	 * @param missed expected windows that passed without a round, oldest first
	 * @param checks what the earlier rounds expected of each later one
	 */
	record Result(Level level, int cadenceMonths, YearMonth expected, int hits, int total, List<YearMonth> opened,
			List<YearMonth> missed, List<Check> checks) {

		boolean yearly() {
			return this.cadenceMonths == 12;
		}

	}

	/** What the rounds before expected, and whether {@code opened} came within it. */
	record Check(YearMonth expected, LocalDate opened, boolean met) {
	}

	/**
	 * @param gaps windows the cadence expected between the first and the last that did
	 * not come (a yearly programme that skipped a year)
	 */
	private record Cadence(int months, boolean regular, int gaps) {
	}

	/** How regular a programme's history is. */
	enum Level {

		ALTA, MEDIA, BAJA, NONE

	}

}
