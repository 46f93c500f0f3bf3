package pe.gob.munlima.convoca.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.money.Amount;

/**
 * The benefit report of a period. Each figure counts what happened in the period:
 * <ul>
 * <li>{@code callsDetected}: calls Convoca first found in it (for a gerencia: those with
 * a match for one of its projects or for the gerencia itself);</li>
 * <li>{@code matchesByVerdict}: matches first found in it, by their current verdict;</li>
 * <li>{@code applications}: applications that entered "postulando" (started),
 * "presentada" (submitted), "no adjudicada" or "descartada" in it, and those awarded with
 * an award date in it;</li>
 * <li>{@code successRate}: awarded / (awarded + not awarded) among those decided in the
 * period; null when none was decided (withdrawn and discarded applications are not
 * decisions of the funder);</li>
 * <li>{@code amountRequested}: what the applications submitted in the period asked for;
 * {@code amountObtained}: what the awards dated in it granted; each converted to PEN and
 * USD with {@code rates};</li>
 * <li>{@code topNotEligibleReasons}: among the NOT_ELIGIBLE matches first found in the
 * period, how many failed each rule (a match counts once per rule);</li>
 * <li>{@code detectionToSubmission}: calendar days in Lima from the call's detection to
 * the application's submission, for those submitted in the period.</li>
 * </ul>
 * Public so templates (and a future Panel card) can read it.
 */
public record SummaryReport(LocalDate from, LocalDate to, String gerencia, String funder, String theme,
		long callsDetected, Map<String, Long> matchesByVerdict, ApplicationCounts applications, SuccessRate successRate,
		Money amountRequested, Money amountObtained, Rates rates, List<ReasonCount> topNotEligibleReasons,
		Days detectionToSubmission) {

	public record ApplicationCounts(long started, long submitted, long awarded, long notAwarded, long discarded) {
	}

	/**
	 * @param value awarded / decided, four decimals; null when nothing was decided
	 * @param definition how it is computed, in the reader's language
	 */
	public record SuccessRate(BigDecimal value, long awarded, long decided, String definition) {
	}

	/**
	 * @param pen the total in soles, to the cent
	 * @param usd the total in US dollars, to the cent
	 * @param byCurrency the totals as given, per currency
	 * @param unconverted amounts in currencies the rate table lacks: not in the totals
	 */
	public record Money(BigDecimal pen, BigDecimal usd, List<Amount> byCurrency, List<Amount> unconverted) {
	}

	/**
	 * The rate table used: its date and the USD value of one unit of each currency that
	 * appears (and of PEN).
	 */
	public record Rates(LocalDate date, Map<String, BigDecimal> usdPerUnit) {
	}

	/** A rule Lima failed, with its label in the reader's language. */
	public record ReasonCount(String ruleId, String label, long matches) {
	}

	/**
	 * @param applications how many submissions were measured
	 * @param median null when none
	 * @param mean one decimal; null when none
	 */
	public record Days(long applications, BigDecimal median, BigDecimal mean) {
	}

}
