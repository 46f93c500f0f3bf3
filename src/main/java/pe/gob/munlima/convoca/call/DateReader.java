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
import java.util.LinkedHashMap;
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

	private static final Map<String, Integer> MONTHS = months();

	private static final String MONTH = alternatives(MONTHS.keySet());

	/** Named zones as calls write them, folded; the longest name wins. */
	private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("cet", "CET"), Map.entry("cest", "CET"),
			Map.entry("central european time", "CET"), Map.entry("central european summer time", "CET"),
			Map.entry("brussels time", "Europe/Brussels"), Map.entry("hora de bruselas", "Europe/Brussels"),
			Map.entry("heure de bruxelles", "Europe/Brussels"), Map.entry("hora de bruxelas", "Europe/Brussels"),
			Map.entry("utc", "UTC"), Map.entry("gmt", "UTC"), Map.entry("utc/gmt", "UTC"),
			Map.entry("est", "America/New_York"), Map.entry("edt", "America/New_York"),
			Map.entry("et", "America/New_York"), Map.entry("eastern time", "America/New_York"),
			Map.entry("eastern standard time", "America/New_York"), Map.entry("pst", "America/Los_Angeles"),
			Map.entry("pdt", "America/Los_Angeles"), Map.entry("pacific time", "America/Los_Angeles"),
			Map.entry("pet", "America/Lima"), Map.entry("hora de lima", "America/Lima"),
			Map.entry("hora peruana", "America/Lima"), Map.entry("hora del peru", "America/Lima"),
			Map.entry("cot", "America/Bogota"), Map.entry("hora legal colombiana", "America/Bogota"),
			Map.entry("hora de colombia", "America/Bogota"), Map.entry("hora peninsular", "Europe/Madrid"),
			Map.entry("hora de madrid", "Europe/Madrid"), Map.entry("heure de paris", "Europe/Paris"),
			Map.entry("brt", "America/Sao_Paulo"), Map.entry("horario de brasilia", "America/Sao_Paulo"),
			Map.entry("jst", "Asia/Tokyo"), Map.entry("kst", "Asia/Seoul"));

	private static final String ZONE = alternatives(ZONES.keySet());

	private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}])";

	private static final String NOT_LETTER_AFTER = "(?![\\p{L}])";

	private static final Pattern ISO = Pattern.compile("(?<![\\d])(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})"
			+ "(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?\\s*(z|[+-]\\d{2}:?\\d{2})?)?(?![\\d])");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|o|º)?" + "(?:\\s+de\\s+|\\s*-\\s*|\\s+)" + NOT_LETTER_BEFORE
				+ MONTH + "\\.?" + NOT_LETTER_AFTER + "(?:\\s*,?\\s*(?:de\\s+|del\\s+|-\\s*)?)(\\d{4})(?![\\d])");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile(NOT_LETTER_BEFORE + MONTH + "\\.?\\s+(\\d{1,2})" + "(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\d])");

	private static final Pattern NUMERIC = Pattern
		.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\d])");

	/**
	 * Grants.gov's XML extract writes MMDDYYYY; a spreadsheet may have dropped the zero.
	 */
	private static final Pattern COMPACT = Pattern.compile("^(\\d{1,2})(\\d{2})(\\d{4})(?:\\.0)?$");

	private static final String CLOCK = "(\\d{1,2})(?:[:h.](\\d{2}))?(?::\\d{2}(?:\\.\\d+)?)?\\s*"
			+ "(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:(?:h|hrs|horas|heures)(?![\\p{L}]))?\\s*\\(?\\s*(?:" + NOT_LETTER_BEFORE
			+ ZONE + NOT_LETTER_AFTER + ")?";

	/**
	 * A time right after the date: "17:00 CET", ", 9:00am CET", "a las 17h00 hora de
	 * Lima".
	 */
	private static final Pattern TIME_AFTER = Pattern
		.compile("^[\\s,]*(?:-\\s*)?(?:a las|at|as|a|until|hasta las|jusqu'a|ate as)?\\s*" + CLOCK);

	/** A time right before the date: "11:59 p.m. Eastern Time on Friday, February 3". */
	private static final Pattern TIME_BEFORE = Pattern.compile(CLOCK
			+ "\\s*(?:on|el|le|du|de|do)?\\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes"
			+ "|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\\s*)?$");

	private static final Pattern ZONE_AFTER = Pattern
		.compile("^\\s*\\(?\\s*" + NOT_LETTER_BEFORE + ZONE + NOT_LETTER_AFTER);

	private final DateOrder order;

	DateReader(DateOrder order) {
		this.order = order;
	}

	/** Every date the folded text states, in order, without overlaps. */
	List<ReadDate> all(String folded) {
		List<ReadDate> found = new ArrayList<>();
		collect(ISO, folded, found);
		collect(DAY_MONTH_YEAR, folded, found);
		collect(MONTH_DAY_YEAR, folded, found);
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
		if (pattern == DAY_MONTH_YEAR) {
			date = date(m.group(3), String.valueOf(MONTHS.get(m.group(2))), m.group(1));
		}
		else if (pattern == MONTH_DAY_YEAR) {
			date = date(m.group(3), String.valueOf(MONTHS.get(m.group(1))), m.group(2));
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
			Matcher named = ZONE_AFTER.matcher(rest);
			ZoneId zone = named.find() ? ZoneId.of(ZONES.get(named.group(1))) : null;
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

	private static Clock clockAfter(String rest) {
		Matcher time = TIME_AFTER.matcher(rest);
		return time.find() ? clock(time) : null;
	}

	private static Clock clockBefore(String before) {
		Matcher time = TIME_BEFORE.matcher(before);
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
	private static Clock clock(Matcher m) {
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
		return new Clock(LocalTime.of(hour, minute), zone == null ? null : ZoneId.of(ZONES.get(zone)));
	}

	private static LocalDate date(String year, String month, String day) {
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	private static String alternatives(java.util.Collection<String> names) {
		// Longest first, so "septiembre" wins over "sep" and "hora de lima" over "et".
		return names.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|", "(", ")"));
	}

	private static Map<String, Integer> months() {
		Map<String, Integer> months = new LinkedHashMap<>();
		String[][] names = { { "enero", "ene", "january", "jan", "janvier", "janv", "janeiro" },
				{ "febrero", "feb", "february", "fevrier", "fevr", "fev", "fevereiro" },
				{ "marzo", "mar", "march", "mars", "marco" }, { "abril", "abr", "april", "apr", "avril", "avr" },
				{ "mayo", "may", "mai", "maio" }, { "junio", "jun", "june", "juin", "junho" },
				{ "julio", "jul", "july", "juillet", "juil", "julho" }, { "agosto", "ago", "august", "aug", "aout" },
				{ "septiembre", "setiembre", "sep", "sept", "set", "september", "septembre", "setembro" },
				{ "octubre", "oct", "october", "octobre", "outubro", "out" },
				{ "noviembre", "nov", "november", "novembre", "novembro" },
				{ "diciembre", "dic", "december", "dec", "decembre", "dezembro", "dez" } };
		for (int month = 0; month < names.length; month++) {
			for (String name : names[month]) {
				months.put(name, month + 1);
			}
		}
		return Map.copyOf(months);
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
