package pe.gob.munlima.convoca.donor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import pe.gob.munlima.convoca.iati.DonorFunding;

/**
 * What Convoca knows of one donor.
 *
 * @param key the donor's key ({@link pe.gob.munlima.convoca.call.NameKeys})
 * @param name the name most of its calls give
 * @param names every spelling its calls give
 * @param calls the calls Convoca saw, newest first
 * @param openCalls how many of them are still open
 * @param amounts per currency, the amounts its calls offer per project
 * @param themes the themes of its calls, most frequent first
 * @param applicantTypes who its calls admit (as far as they say), most frequent first
 * @param applications Lima's applications to its calls, newest first
 * @param awards how many of them it awarded
 * @param aid what it funds in Peru and Latin America by its IATI activities
 * @param programmes its programmes (calls that are rounds of one), those with most rounds
 * first
 */
public record DonorProfile(String key, String name, List<String> names, List<CallLine> calls, long openCalls,
		List<AmountStat> amounts, List<Count> themes, List<Count> applicantTypes, List<ApplicationLine> applications,
		long awards, Aid aid, List<ProgrammeLine> programmes) {

	/**
	 * One programme of the donor.
	 *
	 * @param rounds how many calls of it Convoca saw
	 * @param expectation when its next window is expected, in words; null when the rounds
	 * are too few to say
	 * @param confidence how regular its history is, in words; null with no expectation
	 */
	public record ProgrammeLine(long id, String name, int rounds, java.time.LocalDate lastOpened, String expectation,
			String confidence) {
	}

	/**
	 * The donor's IATI activities, apart from its calls (they are not applicable): what
	 * it funded in Peru and in Latin America in the last years, and what it is preparing.
	 *
	 * @param known whether the donor is one of the IATI publishers Convoca knows
	 * (index/iati-organisations.yaml); otherwise its name was looked for as written
	 * @param since the first day counted
	 * @param pipeline its activities in identification (IATI status 1) in Latin America:
	 * money being prepared, an early warning
	 */
	public record Aid(boolean known, java.time.LocalDate since, DonorFunding peru, DonorFunding latinAmerica,
			List<DonorFunding.PipelineActivity> pipeline) {

		/** Whether IATI says anything of the donor in the region. */
		public boolean any() {
			return this.latinAmerica.activities() > 0 || !this.pipeline.isEmpty();
		}

	}

	/** One call of the donor. */
	public record CallLine(long id, String title, Instant firstSeenAt, Instant opensAt, Instant deadline, boolean open,
			BigDecimal amountMax, String currency, List<String> themes, String programme, String reference) {
	}

	/**
	 * What a donor's calls offer per project in one currency.
	 *
	 * @param calls how many calls state an amount in it
	 * @param typical the median of the maximum amounts they state
	 * @param max the largest of them
	 */
	public record AmountStat(String currency, int calls, BigDecimal typical, BigDecimal max) {
	}

	/** A value (a theme id, an applicant type) and how many calls have it. */
	public record Count(String id, long calls) {
	}

	/** One of Lima's applications to the donor, and its award if it won. */
	public record ApplicationLine(long matchId, long callId, String callTitle, long projectId, String projectTitle,
			String gerencia, String stage, BigDecimal awarded, String awardCurrency, LocalDate awardedOn) {
	}

}
