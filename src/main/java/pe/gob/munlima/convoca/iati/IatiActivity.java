package pe.gob.munlima.convoca.iati;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One IATI activity as read from a file, in the 2.0x meaning of its codes (a 1.0x file's
 * "Funding" role, "C" transaction type or "start-planned" date type are translated on
 * reading). Everything the reader kept; what it ignored is counted in {@link Tally}.
 *
 * @param identifier the globally unique {@code iati-identifier}
 * @param defaultLanguage the activity's {@code xml:lang}, the language of narratives that
 * name none
 * @param titles the title in each language given
 * @param descriptions the descriptions, each with its type (1 general, 2 objectives...)
 * @param status the activity-status code (1 pipeline/identification ... 6 suspended)
 * @param dates activity dates by type (1 planned start, 2 actual start, 3 planned end, 4
 * actual end)
 * @param lastUpdated the publisher's {@code last-updated-datetime}, or null
 */
record IatiActivity(String identifier, String defaultLanguage, String defaultCurrency, Instant lastUpdated,
		String hierarchy, Org reportingOrg, List<Org> participatingOrgs, List<Text> titles, List<Text> descriptions,
		String status, List<Dated> dates, List<Recipient> recipients, List<Sector> sectors, List<Location> locations,
		List<Budget> budgets, List<Transaction> transactions) {

	/**
	 * A narrative in one language; the language is null when neither it nor the activity
	 * says.
	 */
	record Text(String language, String text, String type) {
	}

	/**
	 * @param role 1 funding, 2 accountable, 3 extending, 4 implementing (null for the
	 * reporting org)
	 */
	record Org(String ref, String name, String type, String role) {
	}

	record Dated(String type, LocalDate date) {
	}

	/**
	 * @param region true for a recipient-region, false for a recipient-country
	 * @param transaction the position of the transaction that names it, or null at the
	 * activity's level
	 */
	record Recipient(boolean region, String code, String vocabulary, BigDecimal percentage, String name,
			Integer transaction) {
	}

	/**
	 * @param vocabulary 1 DAC 5-digit, 2 DAC 3-digit category, others as the
	 * SectorVocabulary code list says
	 * @param transaction the position of the transaction that names it, or null at the
	 * activity's level
	 */
	record Sector(String vocabulary, String code, BigDecimal percentage, String name, Integer transaction) {
	}

	/**
	 * A place where the activity happens: a sub-national name, administrative codes and a
	 * point.
	 *
	 * @param administrative codes as "vocabulary:level:code" (G1 = GeoNames, A1..A4 =
	 * GAUL ...)
	 */
	record Location(String ref, String name, String description, List<String> administrative, BigDecimal latitude,
			BigDecimal longitude, String reach, String exactness, String featureDesignation) {
	}

	record Budget(String type, String status, LocalDate periodStart, LocalDate periodEnd, BigDecimal value,
			String currency, LocalDate valueDate) {
	}

	/**
	 * @param type the TransactionType code (1 incoming funds, 2 commitment, 3
	 * disbursement, 4 expenditure ...)
	 */
	record Transaction(String ref, String type, LocalDate date, BigDecimal value, String currency, LocalDate valueDate,
			Org provider, Org receiver, String description) {
	}

}
