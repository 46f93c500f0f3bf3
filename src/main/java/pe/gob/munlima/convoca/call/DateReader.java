package pe.gob.munlima.convoca.call;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads dates as Spanish, English, French and Portuguese calls and the portals' APIs
 * write them: "15 de marzo de 2026", "March 15, 2026 17:00 CET", "Jul 15, 2026",
 * "22-Jul-2026", "15 mars 2026", "1er mars 2026", "15 de março de 2026", "15/03/2026",
 * "08/15/2026", "2026-03-15", "2026/08/22 17:00:00", "2023-05-11T02:00:00.000+0200", with
 * a time ("a las 9:00am", "17h00", "11:59 p.m. Eastern Time on") and a named zone (CET,
 * Brussels time, EST, hora de Lima ...). Works on folded text (see {@link TextFolding}).
 * The zone the text does not state is left null: the caller knows the source's zone. A
 * stated midnight is a bare date (portals write dates as midnight timestamps), so a
 * deadline on that day lasts until the day ends.
 */
final class DateReader {

	private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}])";

	private static final String NOT_LETTER_AFTER = "(?![\\p{L}])";

	private static final Pattern ISO = Pattern.compile("(?<![\\d])(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})"
			+ "(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?\\s*(z|[+-]\\d{2}:?\\d{2})?)?(?![\\d])");

	private static final Pattern NUMERIC = Pattern
		.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\d])");

	/**
	 * Grants.gov's XML extract writes MMDDYYYY; a spreadsheet may have dropped the zero.
	 */
	private static final Pattern COMPACT = Pattern.compile("^(\\d{1,2})(\\d{2})(\\d{4})(?:\\.0)?$");

	private final DateOrder order;

	private final Grammar grammar;

	/**
	 * @param order how this source writes numeric dates
	 * @param grammar the patterns of the vocabulary's calendar words, see
	 * {@link Vocabulary#dates()}
	 */
	DateReader(DateOrder order, Grammar grammar) {
		this.order = order;
		this.grammar = grammar;
	}

	/** Every date the folded text states, in order, without overlaps. */
	List<ReadDate> all(String folded) {
		List<ReadDate> found = new ArrayList<>();
		collect(ISO, folded, found);
		collect(this.grammar.dayMonthYear, folded, found);
		collect(this.grammar.monthDayYear, folded, found);
		collect(NUMERIC, folded, found);
		found.sort(Comparator.comparingInt(ReadDate::start));
		return found;
	}

	/**
	 * One structured value as a source gives it ("2026-03-15", "08/15/2026", "9052014",
	 * "Fecha de cierre: 2026-08-27 17:00:00"); null when it holds no date this reader can
	 * be sure of.
	 */
	ReadDate value(String text) {
		String folded = TextFolding.fold(text);
		Matcher compact = COMPACT.matcher(folded);
		if (compact.matches()) {
			if (this.order != DateOrder.MONTH_FIRST) {
				return null;
			}
			LocalDate date = date(compact.group(3), compact.group(1), compact.group(2));
			return date == null ? null : new ReadDate(0, folded.length(), date, null, null);
		}
		List<ReadDate> dates = all(folded);
		return dates.isEmpty() ? null : dates.get(0);
	}

	private void collect(Pattern pattern, String folded, List<ReadDate> into) {
		Matcher m = pattern.matcher(folded);
		while (m.find()) {
			int start = m.start();
			int end = m.end();
			if (into.stream().anyMatch(d -> start < d.end() && d.start() < end)) {
				continue;
			}
			ReadDate date = read(pattern, m, folded);
			if (date != null) {
				into.add(date);
			}
		}
	}

	private ReadDate read(Pattern pattern, Matcher m, String folded) {
		if (pattern == ISO) {
			return iso(m, folded.substring(m.end()));
		}
		LocalDate date;
		if (pattern == this.grammar.dayMonthYear) {
			date = date(m.group(3), String.valueOf(this.grammar.months.get(m.group(2))), m.group(1));
		}
		else if (pattern == this.grammar.monthDayYear) {
			date = date(m.group(3), String.valueOf(this.grammar.months.get(m.group(1))), m.group(2));
		}
		else {
			date = numeric(m.group(1), m.group(3), m.group(4));
		}
		if (date == null) {
			return null;
		}
		Clock clock = clockAfter(folded.substring(m.end()));
		if (clock == null) {
			clock = clockBefore(folded.substring(Math.max(0, m.start() - 60), m.start()));
		}
		return new ReadDate(m.start(), m.end(), date, clock == null ? null : clock.timeOfDay(),
				clock == null ? null : clock.zone());
	}

	/**
	 * "2026-03-15", "2026-03-15T17:00", "2023-05-11T02:00:00.000+0200". A timestamp at
	 * exactly midnight UTC is a date the portal stored as an instant (the EU portal
	 * writes "11 May 2023" as 2023-05-11T02:00+02:00), so it is read as that UTC date.
	 */
	private ReadDate iso(Matcher m, String rest) {
		LocalDate date = date(m.group(1), m.group(2), m.group(3));
		if (date == null) {
			return null;
		}
		if (m.group(4) == null) {
			Clock clock = clockAfter(rest);
			return new ReadDate(m.start(), m.end(), date, clock == null ? null : clock.timeOfDay(),
					clock == null ? null : clock.zone());
		}
		int hour = Integer.parseInt(m.group(4));
		int minute = Integer.parseInt(m.group(5));
		int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
		if (hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		LocalTime time = LocalTime.of(hour, minute, second);
		String offset = m.group(8);
		if (offset == null) {
			// "2026-08-27 17:00:00" with no offset, perhaps a named zone after it;
			// "00:00:00" is a bare date.
			Matcher named = this.grammar.zoneAfter.matcher(rest);
			ZoneId zone = named.find() ? this.grammar.zones.get(named.group(1)) : null;
			return new ReadDate(m.start(), m.end(), date, time.equals(LocalTime.MIDNIGHT) ? null : time, zone);
		}
		ZoneOffset zone = "z".equals(offset) ? ZoneOffset.UTC
				: ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
		OffsetDateTime at = OffsetDateTime.of(date, time, zone);
		OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
		if (utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return new ReadDate(m.start(), m.end(), utc.toLocalDate(), null, null);
		}
		return new ReadDate(m.start(), m.end(), date, time.equals(LocalTime.MIDNIGHT) ? null : time, zone);
	}

	private LocalDate numeric(String first, String second, String year) {
		int a = Integer.parseInt(first);
		int b = Integer.parseInt(second);
		DateOrder effective = this.order;
		if (a > 12 && b <= 12) {
			effective = DateOrder.DAY_FIRST;
		}
		else if (b > 12 && a <= 12) {
			effective = DateOrder.MONTH_FIRST;
		}
		else if (a == b) {
			effective = DateOrder.DAY_FIRST;
		}
		return switch (effective) {
			case DAY_FIRST -> date(year, second, first);
			case MONTH_FIRST -> date(year, first, second);
			case UNKNOWN -> null;
		};
	}

	private Clock clockAfter(String rest) {
		Matcher time = this.grammar.timeAfter.matcher(rest);
		return time.find() ? clock(time) : null;
	}

	private Clock clockBefore(String before) {
		Matcher time = this.grammar.timeBefore.matcher(before);
		while (time.find()) {
			// Only a time that carries a minute or am/pm: a bare number before a date is
			// usually something else ("Phase 2 15 March").
			if (time.group(2) != null || time.group(3) != null) {
				return clock(time);
			}
		}
		return null;
	}

	/**
	 * A clock time needs minutes ("17:00", "17h00") or am/pm ("5 pm"): a bare number
	 * after a date is not a time.
	 */
	private Clock clock(Matcher m) {
		if (m.group(1) == null || (m.group(2) == null && m.group(3) == null)) {
			return null;
		}
		int hour = Integer.parseInt(m.group(1));
		int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
		String half = m.group(3);
		if (half != null) {
			if (hour < 1 || hour > 12) {
				return null;
			}
			boolean pm = half.startsWith("p");
			hour = hour % 12 + (pm ? 12 : 0);
		}
		if (hour > 23 || minute > 59) {
			return null;
		}
		String zone = m.group(4);
		return new Clock(LocalTime.of(hour, minute), zone == null ? null : this.grammar.zones.get(zone));
	}

	private static LocalDate date(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	static String alternatives(java.util.Collection<String> names) {
		// Longest first, so "septiembre" wins over "sep" and "hora de lima" over "et".
		return names.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|", "(", ")"));
	}

	/**
	 * The patterns that need the words of reading/calendar.yaml (month names, weekdays,
	 * zone names), compiled once per vocabulary: a reader is made for every call read.
	 */
	static final class Grammar {

		private final Map<String, Integer> months;

		private final Map<String, ZoneId> zones;

		private final Pattern dayMonthYear;

		private final Pattern monthDayYear;

		/**
		 * A time right after the date: "17:00 CET", ", 9:00am CET", "a las 17h00 hora de
		 * Lima".
		 */
		private final Pattern timeAfter;

		/**
		 * A time right before the date: "11:59 p.m. Eastern Time on Friday, February 3".
		 */
		private final Pattern timeBefore;

		private final Pattern zoneAfter;

		Grammar(DateWords words) {
			this.months = words.months();
			this.zones = words.zones();
			String month = alternatives(words.months().keySet());
			String zone = alternatives(words.zones().keySet());
			this.dayMonthYear = Pattern.compile("(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|o|º)?"
					+ "(?:\\s+de\\s+|\\s*-\\s*|\\s+)" + NOT_LETTER_BEFORE + month + "\\.?" + NOT_LETTER_AFTER
					+ "(?:\\s*,?\\s*(?:de\\s+|del\\s+|-\\s*)?)(\\d{4})(?![\\d])");
			this.monthDayYear = Pattern
				.compile(NOT_LETTER_BEFORE + month + "\\.?\\s+(\\d{1,2})" + "(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\d])");
			String clock = "(\\d{1,2})(?:[:h.](\\d{2}))?(?::\\d{2}(?:\\.\\d+)?)?\\s*"
					+ "(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:(?:h|hrs|horas|heures)(?![\\p{L}]))?\\s*\\(?\\s*(?:"
					+ NOT_LETTER_BEFORE + zone + NOT_LETTER_AFTER + ")?";
			this.timeAfter = Pattern
				.compile("^[\\s,]*(?:-\\s*)?(?:a las|at|as|a|until|hasta las|jusqu'a|ate as)?\\s*" + clock);
			String weekday = words.weekdays().isEmpty() ? "" : "(?:" + alternatives(words.weekdays()) + ",?\\s*)?";
			this.timeBefore = Pattern.compile(clock + "\\s*(?:on|el|le|du|de|do)?\\s*" + weekday + "$");
			this.zoneAfter = Pattern.compile("^\\s*\\(?\\s*" + NOT_LETTER_BEFORE + zone + NOT_LETTER_AFTER);
		}

	}

	private record Clock(LocalTime time, ZoneId zone) {

		/**
		 * The time, or null for midnight: portals write a bare date as "12:00:00 AM"
		 * (Grants.gov) or "00:00:00" (SICON), and a call never closes at the first second
		 * of its last day.
		 */
		LocalTime timeOfDay() {
			return LocalTime.MIDNIGHT.equals(this.time) ? null : this.time;
		}

	}

	/**
	 * A date found in text, with the time and zone the text gave (either may be null).
	 */
	record ReadDate(int start, int end, LocalDate date, LocalTime time, ZoneId zone) {

		/**
		 * The instant meant: a date without a time is the end of that day for a deadline
		 * (the call is open all day) and its start for an opening.
		 */
		ZonedDateTime at(ZoneId defaultZone, boolean endOfDay) {
			ZoneId in = this.zone != null ? this.zone : defaultZone;
			LocalTime clock = this.time != null ? this.time : endOfDay ? LocalTime.of(23, 59, 59) : LocalTime.MIDNIGHT;
			return ZonedDateTime.of(this.date, clock, in);
		}

		boolean dateOnly() {
			return this.time == null;
		}

	}

}
