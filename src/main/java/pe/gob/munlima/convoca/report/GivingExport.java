package pe.gob.munlima.convoca.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.NameKeys;
import pe.gob.munlima.convoca.export.Table;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.report.GivingPackage.Grant;
import pe.gob.munlima.convoca.report.GivingPackage.Organisation;
import pe.gob.munlima.convoca.report.GivingPackage.Period;
import pe.gob.munlima.convoca.report.GivingPackage.Place;
import pe.gob.munlima.convoca.report.GivingPackage.Programme;
import pe.gob.munlima.convoca.report.Reports.AwardedApplication;
import pe.gob.munlima.convoca.money.Amount;
import pe.gob.munlima.convoca.tracking.Award;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The awards of a report's period in the 360Giving Data Standard: the JSON package and
 * the standard's one-sheet spreadsheet layout (its "summary table" column titles), so the
 * same grants can be published as JSON, CSV or XLSX.
 *
 * <p>
 * Each awarded application is one grant: Lima (the configured organisation identifier,
 * the gerencia as department) receives it, the call's funder gives it. A funder without
 * an organisation identifier known to Convoca gets one under the publisher's 360Giving
 * prefix, as the standard's identifier guidance allows.
 */
@Service
class GivingExport {

	/** The 360Giving schema version the package follows. */
	static final String VERSION = "1.4";

	/**
	 * The column titles of the standard's summary table, in its order: a 360Giving reader
	 * recognises the columns by these exact English titles, so they are not translated.
	 */
	static final List<String> COLUMNS = List.of("Identifier", "Title", "Description", "Currency", "Amount Applied For",
			"Amount Awarded", "Award Date", "URL", "Planned Dates:Duration (months)", "Recipient Org:Identifier",
			"Recipient Org:Name", "Recipient Org:Department", "Recipient Org:Country", "Beneficiary Location:Name",
			"Beneficiary Location:Country Code", "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code",
			"Grant Programme:Title", "From an open call?", "Data Source");

	private final Reports reports;

	private final GivingProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	GivingExport(Reports reports, GivingProperties properties, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	/** The package of the grants awarded in the query's period and scope. */
	GivingPackage of(ReportQuery query, Locale locale) {
		List<AwardedApplication> awarded = this.reports.awarded(query);
		OrganisationProfile lima = this.reports.organisation().orElse(null);
		String name = recipientName(lima, locale);
		List<Grant> grants = awarded.stream().map(application -> grant(application, lima, name)).toList();
		return new GivingPackage(VERSION,
				this.messages.getMessage("report.giving.title", new Object[] { name, query.from(), query.to() },
						locale),
				LocalDate.now(this.clock.withZone(ReportQuery.LIMA)),
				new GivingPackage.Publisher(this.properties.recipientId(), name), grants);
	}

	/** The same grants as the standard's one-sheet table. */
	Table table(GivingPackage giving, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (Grant grant : giving.grants()) {
			Organisation recipient = grant.recipientOrganization().get(0);
			Organisation funder = grant.fundingOrganization().get(0);
			Place place = first(grant.beneficiaryLocation());
			Programme programme = first(grant.grantProgramme());
			Period period = first(grant.plannedDates());
			List<Object> row = new ArrayList<>();
			row.add(grant.id());
			row.add(grant.title());
			row.add(grant.description());
			row.add(grant.currency());
			row.add(grant.amountAppliedFor());
			row.add(grant.amountAwarded());
			row.add(grant.awardDate());
			row.add(grant.url());
			row.add(period == null ? null : period.duration());
			row.add(recipient.id());
			row.add(recipient.name());
			row.add(recipient.department());
			row.add(recipient.addressCountry());
			row.add(place == null ? null : place.name());
			row.add(place == null ? null : place.countryCode());
			row.add(funder.id());
			row.add(funder.name());
			row.add(programme == null ? null : programme.code());
			row.add(programme == null ? null : programme.title());
			row.add(grant.fromOpenCall());
			row.add(grant.dataSource());
			rows.add(row);
		}
		return new Table(this.messages.getMessage("report.giving.sheet", null, locale), COLUMNS, rows);
	}

	private Grant grant(AwardedApplication application, OrganisationProfile lima, String limaName) {
		Award award = application.record().award();
		Amount requested = application.record().requested();
		CallView call = application.call();
		ProjectProfile project = application.project();
		String country = lima == null ? null : lima.country();
		String funderName = call.funder() == null || call.funder().isBlank() ? call.sourceId() : call.funder();
		String description = project.description() == null || project.description().isBlank() ? project.title()
				: project.description();
		// Asked in another currency, the request is not comparable within one grant.
		boolean sameCurrency = requested != null && Objects.equals(requested.currency(), award.currency());
		return new Grant(this.properties.prefix() + "-" + application.record().matchId(), project.title(), description,
				award.currency(), sameCurrency ? requested.amount() : null, award.amount(), award.awardedOn(),
				call.sourceUrl(),
				project.durationMonths() > 0 ? List.of(new Period(String.valueOf(project.durationMonths()))) : null,
				List.of(new Organisation(this.properties.recipientId(), limaName, project.gerencia().name(), null,
						country)),
				country == null ? null : List.of(new Place(limaName, country)),
				List.of(new Organisation(funderId(funderName), funderName, null, null, null)), programme(call), "Yes",
				this.properties.dataSource());
	}

	private static List<Programme> programme(CallView call) {
		String title = call.programme() == null || call.programme().isBlank() ? call.title() : call.programme();
		String code = call.reference() == null || call.reference().isBlank() ? null : call.reference();
		return title == null && code == null ? null : List.of(new Programme(code, title));
	}

	/** An identifier under the publisher's prefix, from the funder's name. */
	String funderId(String funderName) {
		return this.properties.prefix() + "-org-" + NameKeys.key(funderName);
	}

	private String recipientName(OrganisationProfile lima, Locale locale) {
		return lima != null && lima.name() != null && !lima.name().isBlank() ? lima.name()
				: this.messages.getMessage("report.giving.recipient", null, locale);
	}

	private static <T> T first(List<T> items) {
		return items == null || items.isEmpty() ? null : items.get(0);
	}

}
