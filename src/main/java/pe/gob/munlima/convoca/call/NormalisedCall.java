package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A call after normalisation: what gets stored. Null means "not stated". */
record NormalisedCall(String stableKey, String sourceId, String externalId, String sourceUrl, String funder,
		String title, String summary, String summaryText, String language, Instant publishedAt, Instant opensAt,
		Instant deadline, String deadlineZone, BigDecimal amountMin, BigDecimal amountMax, String currency,
		BigDecimal coFinancingPct, List<String> applicantTypes, List<String> eligibleGeographies,
		List<String> excludedCountries, List<String> themes, String partnershipRequired, String networkRequired,
		Boolean reimbursable, Integer durationMonthsMax, List<String> applicationLanguages,
		List<String> requiredRegistrations, Long populationMin, Long populationMax, List<String> eligibleIncomeGroups,
		List<String> excludedIncomeGroups, Map<String, String> evidence) {

	/**
	 * Status on a given instant: closed after the deadline, forthcoming before opening.
	 */
	String statusAt(Instant now) {
		if (this.deadline != null && this.deadline.isBefore(now)) {
			return "CLOSED";
		}
		if (this.opensAt != null && this.opensAt.isAfter(now)) {
			return "FORTHCOMING";
		}
		return "OPEN";
	}

}
