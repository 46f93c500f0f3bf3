package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored call (convocatoria); see V1__core_model.sql for what each column means. */
@Entity
@Table(name = "call")
class Call {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "stable_key")
	private String stableKey;

	@Column(name = "source_id")
	private String sourceId;

	@Column(name = "external_id")
	private String externalId;

	@Column(name = "source_url")
	private String sourceUrl;

	private String funder;

	private String title;

	private String summary;

	@Column(name = "summary_text")
	private String summaryText;

	private String language;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "opens_at")
	private Instant opensAt;

	private Instant deadline;

	@Column(name = "deadline_zone")
	private String deadlineZone;

	private String status;

	@Column(name = "amount_min")
	private BigDecimal amountMin;

	@Column(name = "amount_max")
	private BigDecimal amountMax;

	private String currency;

	@Column(name = "co_financing_pct")
	private BigDecimal coFinancingPct;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "applicant_types")
	private List<String> applicantTypes;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "eligible_geographies")
	private List<String> eligibleGeographies;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "excluded_countries")
	private List<String> excludedCountries;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> themes;

	@Column(name = "partnership_required")
	private String partnershipRequired;

	@Column(name = "network_required")
	private String networkRequired;

	private Boolean reimbursable;

	@Column(name = "duration_months_max")
	private Integer durationMonthsMax;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "application_languages")
	private List<String> applicationLanguages;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "required_registrations")
	private List<String> requiredRegistrations;

	@Column(name = "population_min")
	private Long populationMin;

	@Column(name = "population_max")
	private Long populationMax;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "eligible_income_groups")
	private List<String> eligibleIncomeGroups;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "excluded_income_groups")
	private List<String> excludedIncomeGroups;

	private String evidence;

	@Column(name = "content_hash")
	private String contentHash;

	@Column(name = "first_seen_at")
	private Instant firstSeenAt;

	@Column(name = "last_seen_at")
	private Instant lastSeenAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Call() {
	}

	Call(NormalisedCall call, String evidenceJson, String contentHash, Instant now) {
		this.stableKey = call.stableKey();
		this.firstSeenAt = now;
		apply(call, evidenceJson, contentHash, now);
	}

	final void apply(NormalisedCall call, String evidenceJson, String contentHash, Instant now) {
		this.sourceId = call.sourceId();
		this.externalId = call.externalId();
		this.sourceUrl = call.sourceUrl();
		this.funder = call.funder();
		this.title = call.title();
		this.summary = call.summary();
		this.summaryText = call.summaryText();
		this.language = call.language();
		this.publishedAt = call.publishedAt();
		this.opensAt = call.opensAt();
		this.deadline = call.deadline();
		this.deadlineZone = call.deadlineZone();
		this.status = call.statusAt(now);
		this.amountMin = call.amountMin();
		this.amountMax = call.amountMax();
		this.currency = call.currency();
		this.coFinancingPct = call.coFinancingPct();
		this.applicantTypes = call.applicantTypes();
		this.eligibleGeographies = call.eligibleGeographies();
		this.excludedCountries = call.excludedCountries();
		this.themes = call.themes();
		this.partnershipRequired = call.partnershipRequired();
		this.networkRequired = call.networkRequired();
		this.reimbursable = call.reimbursable();
		this.durationMonthsMax = call.durationMonthsMax();
		this.applicationLanguages = call.applicationLanguages();
		this.requiredRegistrations = call.requiredRegistrations();
		this.populationMin = call.populationMin();
		this.populationMax = call.populationMax();
		this.eligibleIncomeGroups = call.eligibleIncomeGroups();
		this.excludedIncomeGroups = call.excludedIncomeGroups();
		this.evidence = evidenceJson;
		this.contentHash = contentHash;
		this.lastSeenAt = now;
		this.updatedAt = now;
	}

	void seen(Instant now) {
		this.lastSeenAt = now;
	}

	Long getId() {
		return this.id;
	}

	String getContentHash() {
		return this.contentHash;
	}

	CallView toView(Map<String, String> evidenceMap) {
		return new CallView(this.id, this.sourceId, this.externalId, this.sourceUrl, this.funder, this.title,
				this.summary, this.summaryText, this.language, this.publishedAt, this.opensAt, this.deadline,
				this.deadlineZone, this.status, this.amountMin, this.amountMax, this.currency, this.coFinancingPct,
				copy(this.applicantTypes), copy(this.eligibleGeographies), copy(this.excludedCountries),
				copy(this.themes), this.partnershipRequired, this.networkRequired, this.reimbursable,
				this.durationMonthsMax, copy(this.applicationLanguages), copy(this.requiredRegistrations),
				this.populationMin, this.populationMax, copy(this.eligibleIncomeGroups),
				copy(this.excludedIncomeGroups), evidenceMap, this.firstSeenAt, this.lastSeenAt);
	}

	String getEvidence() {
		return this.evidence;
	}

	private static List<String> copy(List<String> values) {
		return values == null ? null : List.copyOf(values);
	}

}
