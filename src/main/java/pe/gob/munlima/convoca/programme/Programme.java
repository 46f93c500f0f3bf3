package pe.gob.munlima.convoca.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import pe.gob.munlima.convoca.call.CallView;

/**
 * A programme: the calls that are its rounds, oldest first, and what they let one expect.
 *
 * @param funder the latest round's funder
 * @param name the programme the source names, or the latest round's title without its
 * year
 * @param expectation the next window, or null when the rounds are too few
 * @param opened the month each window opened, oldest first (rounds of one window count
 * once)
 * @param missed windows expected that passed without a round, oldest first
 * @param checks what the earlier rounds expected of each later one, and whether it came
 */
public record Programme(long id, String funder, String name, List<Round> rounds, Expectation expectation,
		List<YearMonth> opened, List<YearMonth> missed, List<Check> checks) {

	public Round last() {
		return this.rounds.get(this.rounds.size() - 1);
	}

	/**
	 * @param opened the day it opened; null when the call does not say
	 * @param closed its deadline (the last one); null when it states none
	 * @param joinedBy NEW, SIGNALS or ADMIN: how it came to be a round of the programme
	 * @param score the signals' score when it joined by them
	 */
	public record Round(CallView call, LocalDate opened, LocalDate closed, String joinedBy, Double score) {
	}

	/**
	 * The next window.
	 *
	 * @param month the month it is expected
	 * @param start the first day a round counts as this window (month less the tolerance)
	 * @param end the last day (month plus the tolerance)
	 * @param level ALTA, MEDIA or BAJA: how regular the history is
	 * @param hits windows that kept the cadence
	 * @param total windows opened and expected ones that did not come
	 * @param cadenceMonths 12 for a yearly programme
	 * @param toleranceMonths how far from {@code month} a round still counts
	 */
	public record Expectation(YearMonth month, LocalDate start, LocalDate end, String level, int hits, int total,
			int cadenceMonths, int toleranceMonths) {
	}

	/** What the rounds before expected, and whether {@code opened} came within it. */
	public record Check(YearMonth expected, LocalDate opened, boolean met) {
	}

}
