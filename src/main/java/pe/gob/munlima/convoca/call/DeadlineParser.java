package pe.gob.munlima.convoca.call;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a call's key dates in its text: deadlines and the opening date, in the forms
 * {@link DateReader} reads. Only dates shortly after a cue count ("fecha límite",
 * "closes", "date limite", "prazo", "must be submitted ... by" for deadlines; "fecha de
 * apertura", "opens" for openings), so a publication date is never taken for a deadline.
 * A date stated twice, once with a time, is kept once, with the time.
 */
final class DeadlineParser {

	private static final Pattern DEADLINE_CUE = Pattern.compile("(?<![\\p{L}])(?:fecha limite|fecha de cierre|"
			+ "fecha maxima|plazo|cierre|cierra|vence|hasta el|a mas tardar|deadline|closing date|closes|close date|"
			+ "due date|due by|submission date|apply by|response date|must be submitted|must be received|"
			+ "submitted by|received by|no later than|applications close|date limite|date de cloture|au plus tard|"
			+ "jusqu'au|prazo|data limite|encerramento|inscricoes ate|ate o dia)");

	private static final Pattern OPENING_CUE = Pattern.compile("(?<![\\p{L}])(?:fecha de apertura|apertura de|"
			+ "se abre|opening date|opens on|opens|open from|date d'ouverture|ouverture|data de abertura|abertura)");

	/** How far after a cue the date may stand. */
	private static final int WINDOW = 120;

	private DeadlineParser() {
	}

	/**
	 * The first deadline stated after a cue, at the stated time and zone; a date with no
	 * time means the end of that day in {@code defaultZone}. Numeric dates are read day
	 * first.
	 */
	static Optional<Deadline> find(String text, ZoneId defaultZone, DateReader.Grammar dates) {
		List<DateReader.ReadDate> found = deadlines(TextFolding.fold(text), new DateReader(DateOrder.DAY_FIRST, dates));
		return found.isEmpty() ? Optional.empty() : Optional.of(new Deadline(found.get(0).at(defaultZone, true)));
	}

	/** Every deadline the folded text states after a cue, in the order written. */
	static List<DateReader.ReadDate> deadlines(String folded, DateReader reader) {
		return after(DEADLINE_CUE, folded, reader);
	}

	/** Every opening date the folded text states after a cue. */
	static List<DateReader.ReadDate> openings(String folded, DateReader reader) {
		return after(OPENING_CUE, folded, reader);
	}

	private static List<DateReader.ReadDate> after(Pattern cues, String folded, DateReader reader) {
		List<DateReader.ReadDate> all = reader.all(folded);
		List<DateReader.ReadDate> found = new ArrayList<>();
		Matcher cue = cues.matcher(folded);
		while (cue.find()) {
			for (DateReader.ReadDate date : all) {
				if (date.start() >= cue.end() && date.start() <= cue.end() + WINDOW) {
					add(found, date);
					break;
				}
			}
		}
		return found;
	}

	/** One entry per day: a statement with a time replaces one without. */
	private static void add(List<DateReader.ReadDate> found, DateReader.ReadDate date) {
		for (int i = 0; i < found.size(); i++) {
			DateReader.ReadDate existing = found.get(i);
			if (existing.date().equals(date.date())) {
				if (existing.dateOnly() && !date.dateOnly()) {
					found.set(i, date);
				}
				return;
			}
		}
		found.add(date);
	}

	/** A deadline with the zone it was stated in. */
	record Deadline(ZonedDateTime at) {
	}

}
