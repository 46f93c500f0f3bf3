package pe.gob.munlima.convoca.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A 360Giving data package (schema 1.x): the grants Lima was awarded, as a funder would
 * publish them, so the office can hand its benefit figures to anyone who reads the
 * standard (GrantNav, the 360Giving data quality tool, a donor's own reporting). The
 * property names are the standard's; only what Convoca knows is written, never a guess.
 *
 * @param version the schema's major.minor version the package follows
 * @param title the package's title, in the reader's language
 * @param issued the day it was produced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GivingPackage(String version, String title, LocalDate issued, Publisher publisher, List<Grant> grants) {

	/** Who publishes the package: the municipality, through Convoca. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Publisher(String identifier, String name) {
	}

	/**
	 * One awarded application. {@code amountAppliedFor} is written only when it was asked
	 * in the currency awarded: the standard has one currency per grant.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Grant(String id, String title, String description, String currency, BigDecimal amountAppliedFor,
			BigDecimal amountAwarded, LocalDate awardDate, String url, List<Period> plannedDates,
			List<Organisation> recipientOrganization, List<Place> beneficiaryLocation,
			List<Organisation> fundingOrganization, List<Programme> grantProgramme, String fromOpenCall,
			String dataSource) {
	}

	/** An organisation: its identifier and name, and where it is, when known. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Organisation(String id, String name, String department, String addressLocality, String addressCountry) {
	}

	/** The planned duration in months (the standard writes it as text). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Period(String duration) {
	}

	/** Where the beneficiaries are. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Place(String name, String countryCode) {
	}

	/** The funder's programme the grant came from. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Programme(String code, String title) {
	}

}
