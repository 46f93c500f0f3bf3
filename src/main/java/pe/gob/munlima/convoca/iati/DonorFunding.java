package pe.gob.munlima.convoca.iati;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a donor funds where, from its IATI activities: totals by Convoca theme, by DAC
 * sector and by sub-national location. Money stays in the currency the publisher used
 * (one total per currency; nothing is converted).
 *
 * @param funder the funder asked for: a Convoca funder id (AECID, EU ...) or, when it is
 * none of them, the organisation identifier or name as given
 * @param known whether the funder is one of index/iati-organisations.yaml
 * @param countries the recipient countries asked for (ISO 3166-1 alpha-2)
 * @param regions the recipient regions asked for (IATI Region codes)
 * @param since activities ending on or after this day (or without an end), transactions
 * dated on or after it; null for all
 * @param activities how many activities count
 * @param truncated true when the funder has more activities there than one answer reads
 * (20,000): the totals are of the first ones only
 * @param total the donor's money in those activities
 * @param byTheme per theme; an activity whose sectors fit two themes counts in both, so
 * themes do not add up to the total
 * @param bySector per DAC sector (split by the sectors' percentages: these add up)
 * @param byLocation per sub-national location the activities name; an activity in three
 * places counts whole in each (IATI gives no share per place)
 */
public record DonorFunding(String funder, boolean known, Set<String> countries, Set<String> regions, LocalDate since,
		int activities, boolean truncated, List<Money> total, List<ThemeTotal> byTheme, List<SectorTotal> bySector,
		List<PlaceTotal> byLocation) {

	/**
	 * @param committed outgoing commitments (transaction type 2)
	 * @param disbursed disbursements and expenditure (types 3 and 4)
	 */
	public record Money(String currency, BigDecimal committed, BigDecimal disbursed) {
	}

	public record ThemeTotal(String theme, int activities, List<Money> amounts) {
	}

	/**
	 * @param category the DAC category (3 digits) and {@code categoryName} its Spanish
	 * name; null for a sector of another vocabulary
	 * @param themes Convoca's themes of the sector (index/iati-sectors.yaml), maybe none
	 */
	public record SectorTotal(String vocabulary, String code, String name, String category, String categoryName,
			List<String> themes, int activities, List<Money> amounts) {
	}

	/**
	 * @param administrative the location's administrative codes ("vocabulary:level:code")
	 */
	public record PlaceTotal(String name, List<String> administrative, BigDecimal latitude, BigDecimal longitude,
			int activities, List<Money> amounts) {
	}

	/**
	 * An activity the donor has in pipeline/identification (activity status 1): money
	 * that may become calls or partnerships.
	 *
	 * @param titles the title in every language given ("es: …")
	 * @param budget the activity's budgets summed per currency (as committed)
	 */
	public record PipelineActivity(String identifier, String reportingOrg, List<String> titles, String status,
			String statusName, LocalDate plannedStart, LocalDate plannedEnd, List<String> countries,
			List<String> regions, List<String> themes, List<String> locations, List<Money> budget,
			java.time.Instant lastUpdated) {
	}

}
