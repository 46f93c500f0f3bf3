package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored call as the other modules read it. A null criterion means the call does not
 * state it.
 *
 * @param evidence for each extracted fact, the sentence of the call it was read from
 */
public record CallView(long id, String sourceId, String externalId, String sourceUrl, String funder, String title,
		String summary, String summaryText, String language, Instant publishedAt, Instant opensAt, Instant deadline,
		String deadlineZone, String status, BigDecimal amountMin, BigDecimal amountMax, String currency,
		BigDecimal coFinancingPct, List<String> applicantTypes, List<String> eligibleGeographies,
		List<String> excludedCountries, List<String> themes, String partnershipRequired, String networkRequired,
		Boolean reimbursable, Integer durationMonthsMax, List<String> applicationLanguages,
		List<String> requiredRegistrations, Long populationMin, Long populationMax, List<String> eligibleIncomeGroups,
		List<String> excludedIncomeGroups, Map<String, String> evidence, Instant firstSeenAt, Instant lastSeenAt) {

}
