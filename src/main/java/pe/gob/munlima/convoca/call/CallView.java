package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored call as the other modules read it. A null criterion means the call does not
 * state it.
 *
 * @param deadline the next deadline still ahead, or the last one once all have passed
 * (every deadline is in {@code keyDates})
 * @param status OPEN, FORTHCOMING or CLOSED
 * @param evidence for each extracted fact, the sentence of the call (or the source's
 * field) it was read from
 * @param reference the donor's own reference (Grants.gov opportunity number, EU topic id)
 * @param totalBudget the whole call's budget, in {@code currency}
 * @param instrument GRANT, COOPERATIVE_AGREEMENT, PRIZE, LOAN, GUARANTEE, EQUITY,
 * PROCUREMENT or OTHER; null when not stated
 * @param closedReason SOURCE_STATUS, DEADLINE_PASSED or DELISTED when closed
 * @param keyDates openings and deadlines, oldest first
 * @param sources every source that lists the call, the one whose values win first
 */
public record CallView(long id, String sourceId, String externalId, String sourceUrl, String funder, String title,
		String summary, String summaryText, String language, Instant publishedAt, Instant opensAt, Instant deadline,
		String deadlineZone, String status, BigDecimal amountMin, BigDecimal amountMax, String currency,
		BigDecimal coFinancingPct, List<String> applicantTypes, List<String> eligibleGeographies,
		List<String> excludedCountries, List<String> themes, String partnershipRequired, String networkRequired,
		Boolean reimbursable, Integer durationMonthsMax, List<String> applicationLanguages,
		List<String> requiredRegistrations, Long populationMin, Long populationMax, List<String> eligibleIncomeGroups,
		List<String> excludedIncomeGroups, Map<String, String> evidence, Instant firstSeenAt, Instant lastSeenAt,
		String reference, String programme, BigDecimal totalBudget, String instrument, String closedReason,
		Instant closedAt, List<KeyDate> keyDates, List<CallLink> sources) {

	public CallView {
		keyDates = keyDates == null ? List.of() : List.copyOf(keyDates);
		sources = sources == null ? List.of() : List.copyOf(sources);
	}

	/**
	 * A view without the issue-3 details (reference, budget, instrument, key dates,
	 * sources), for tests and benchmarks that build calls by hand.
	 */
	public CallView(long id, String sourceId, String externalId, String sourceUrl, String funder, String title,
			String summary, String summaryText, String language, Instant publishedAt, Instant opensAt, Instant deadline,
			String deadlineZone, String status, BigDecimal amountMin, BigDecimal amountMax, String currency,
			BigDecimal coFinancingPct, List<String> applicantTypes, List<String> eligibleGeographies,
			List<String> excludedCountries, List<String> themes, String partnershipRequired, String networkRequired,
			Boolean reimbursable, Integer durationMonthsMax, List<String> applicationLanguages,
			List<String> requiredRegistrations, Long populationMin, Long populationMax,
			List<String> eligibleIncomeGroups, List<String> excludedIncomeGroups, Map<String, String> evidence,
			Instant firstSeenAt, Instant lastSeenAt) {
		this(id, sourceId, externalId, sourceUrl, funder, title, summary, summaryText, language, publishedAt, opensAt,
				deadline, deadlineZone, status, amountMin, amountMax, currency, coFinancingPct, applicantTypes,
				eligibleGeographies, excludedCountries, themes, partnershipRequired, networkRequired, reimbursable,
				durationMonthsMax, applicationLanguages, requiredRegistrations, populationMin, populationMax,
				eligibleIncomeGroups, excludedIncomeGroups, evidence, firstSeenAt, lastSeenAt, null, null, null, null,
				null, null, List.of(), List.of());
	}

	/**
	 * Closed for applications: by its source, its deadline or its absence from a listing.
	 */
	public boolean closed() {
		return "CLOSED".equals(this.status);
	}

	/**
	 * A public procurement notice (a tender, a request for expressions of interest): it
	 * buys services, it does not fund projects, so it is never judged against the
	 * portfolio.
	 */
	public boolean procurement() {
		return "PROCUREMENT".equals(this.instrument);
	}

}
