package pe.gob.munlima.convoca.call;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a call's deadline in its text, in the forms Spanish, English, French and
 * Portuguese calls use: "15 de marzo de 2026", "March 15, 2026 17:00 CET", "15/03/2026",
 * "15 mars 2026", "2026-03-15". Only dates after a deadline cue ("fecha límite",
 * "closes", "date limite", "prazo" ...) count, so a publication date is never taken for a
 * deadline.
 */
final class DeadlineParser {

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("enero", 1), Map.entry("febrero", 2),
			Map.entry("marzo", 3), Map.entry("abril", 4), Map.entry("mayo", 5), Map.entry("junio", 6),
			Map.entry("julio", 7), Map.entry("agosto", 8), Map.entry("septiembre", 9), Map.entry("setiembre", 9),
			Map.entry("octubre", 10), Map.entry("noviembre", 11), Map.entry("diciembre", 12), Map.entry("january", 1),
			Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4), Map.entry("may", 5),
			Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8), Map.entry("september", 9),
			Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12), Map.entry("janvier", 1),
			Map.entry("fevrier", 2), Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("mai", 5),
			Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("aout", 8), Map.entry("octobre", 10),
			Map.entry("novembre", 11), Map.entry("decembre", 12), Map.entry("janeiro", 1), Map.entry("fevereiro", 2),
			Map.entry("marco", 3), Map.entry("maio", 5), Map.entry("junho", 6), Map.entry("julho", 7),
			Map.entry("setembro", 9), Map.entry("outubro", 10), Map.entry("novembro", 11), Map.entry("dezembro", 12));

	private static final Map<String, String> ZONES = Map.of("cet", "CET", "cest", "CET", "utc", "UTC", "gmt", "UTC",
			"est", "America/New_York", "edt", "America/New_York", "pet", "America/Lima", "hora de lima", "America/Lima",
			"brussels time", "Europe/Brussels", "hora peninsular", "Europe/Madrid");

	private static final String MONTH = "(" + String.join("|", MONTHS.keySet()) + ")";

	private static final Pattern CUE = Pattern.compile(
			"fecha limite|fecha de cierre|plazo|cierre|vence|hasta el|deadline|closing date|closes|close date|due date|"
					+ "submission date|apply by|date limite|date de cloture|prazo|data limite|encerramento");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(?:de\\s+)?" + MONTH + "\\.?\\s+(?:de\\s+|del\\s+)?(\\d{4})");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

	private static final Pattern TIME = Pattern.compile(
			"^[\\s,]*(?:a las|at|a|as|à|until|hasta las)?\\s*(\\d{1,2})[:h.](\\d{2})\\s*(?:h|hrs|horas)?\\s*(?:\\(?\\s*(cest|cet|utc|gmt|est|edt|pet|hora de lima|brussels time|hora peninsular)\\b)?");

	/** How far after a cue the date may stand. */
	private static final int WINDOW = 120;

	private DeadlineParser() {
	}

	/**
	 * The first deadline stated after a cue, at the stated time and zone; a date with no
	 * time means the end of that day in {@code defaultZone}.
	 */
	static Optional<Deadline> find(String text, ZoneId defaultZone) {
		String folded = TextFolding.fold(text);
		Matcher cue = CUE.matcher(folded);
		while (cue.find()) {
			String window = folded.substring(cue.end(), Math.min(folded.length(), cue.end() + WINDOW));
			Optional<Deadline> found = firstDate(window, defaultZone);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static Optional<Deadline> firstDate(String window, ZoneId defaultZone) {
		Candidate best = null;
		for (Pattern pattern : new Pattern[] { DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, NUMERIC }) {
			Matcher m = pattern.matcher(window);
			if (m.find() && (best == null || m.start() < best.start())) {
				LocalDate date = toDate(pattern, m);
				if (date != null) {
					best = new Candidate(m.start(), m.end(), date);
				}
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		Matcher time = TIME.matcher(window.substring(best.end()));
		LocalTime at = LocalTime.of(23, 59, 59);
		ZoneId zone = defaultZone;
		if (time.find() && time.group(1) != null) {
			int hour = Integer.parseInt(time.group(1));
			int minute = Integer.parseInt(time.group(2));
			if (hour < 24 && minute < 60) {
				at = LocalTime.of(hour, minute);
			}
			if (time.group(3) != null) {
				zone = ZoneId.of(ZONES.get(time.group(3)));
			}
		}
		return Optional.of(new Deadline(ZonedDateTime.of(best.date(), at, zone)));
	}

	private static LocalDate toDate(Pattern pattern, Matcher m) {
		try {
			if (pattern == DAY_MONTH_YEAR) {
				return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)));
			}
			if (pattern == MONTH_DAY_YEAR) {
				return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)));
			}
			if (pattern == ISO) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			// Numeric dates are day first, as in Peru and Europe.
			return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(1)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private record Candidate(int start, int end, LocalDate date) {
	}

	/** A deadline with the zone it was stated in. */
	record Deadline(ZonedDateTime at) {
	}

}
