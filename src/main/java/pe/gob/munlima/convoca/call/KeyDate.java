package pe.gob.munlima.convoca.call;

import java.time.Instant;

/**
 * One key date of a call: its opening, each of its deadlines (two-stage EU calls, cut-off
 * dates), as CommonGrants' keyDates and the EU portal's deadlineDates give them.
 *
 * @param zone the zone the date was stated in (or the source's), for showing it as
 * written
 * @param label what the source calls the date ("Fecha de cierre", "Stage 2"), or null
 * @param dateOnly the source gave a day without a time: a deadline then means the end of
 * that day, an opening its start
 */
public record KeyDate(Kind kind, Instant at, String zone, String label, boolean dateOnly) {

	public enum Kind {

		OPENING, DEADLINE

	}

}
