package pe.gob.munlima.convoca.call;

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

import pe.gob.munlima.convoca.requirement.Confirmation;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * The stored call (convocatoria); see V1__core_model.sql and V25 for what each column
 * means. When several sources list it, it holds the merge of what they say.
 */
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

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> themes;

	/** JSON of {@link pe.gob.munlima.convoca.requirement.Requirements}. */
	@JdbcTypeCode(SqlTypes.JSON)
	private String requirements;

	private String evidence;

	/** JSON of the facts the office confirmed: name → {by, on}. */
	@JdbcTypeCode(SqlTypes.JSON)
	private String confirmations;

	@Column(name = "content_hash")
	private String contentHash;

	@Column(name = "first_seen_at")
	private Instant firstSeenAt;

	@Column(name = "last_seen_at")
	private Instant lastSeenAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	private String reference;

	private String programme;

	@Column(name = "closed_reason")
	private String closedReason;

	@Column(name = "closed_at")
	private Instant closedAt;

	protected Call() {
	}

	Call(NormalisedCall call, String requirementsJson, String evidenceJson, String contentHash, Instant now) {
		this.stableKey = call.stableKey();
		this.firstSeenAt = now;
		apply(call, requirementsJson, evidenceJson, contentHash, now);
	}

	/**
	 * Takes the values of the (merged) call. The status follows the source and the
	 * deadline, except that a call its source stopped listing stays closed until it is
	 * listed again ({@link #relisted()}).
	 * @return why the call just closed, or null when it did not close now
	 */
	final CallClosed.Reason apply(NormalisedCall call, String requirementsJson, String evidenceJson, String contentHash,
			Instant now) {
		boolean wasClosed = "CLOSED".equals(this.status);
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
		String status = call.statusAt(now);
		this.themes = call.themes();
		this.requirements = requirementsJson;
		this.evidence = evidenceJson;
		this.contentHash = contentHash;
		this.lastSeenAt = now;
		this.updatedAt = now;
		this.reference = call.reference();
		this.programme = call.programme();
		if (CallClosed.Reason.DELISTED.name().equals(this.closedReason)) {
			return null;
		}
		this.status = status;
		if (!"CLOSED".equals(status)) {
			this.closedReason = null;
			this.closedAt = null;
			return null;
		}
		if (wasClosed) {
			return null;
		}
		CallClosed.Reason reason = "CLOSED".equals(call.sourceStatus()) ? CallClosed.Reason.SOURCE_STATUS
				: CallClosed.Reason.DEADLINE_PASSED;
		this.closedReason = reason.name();
		this.closedAt = now;
		return reason;
	}

	/**
	 * Closed because a complete listing of its source no longer shows it.
	 * @return false when it was closed already
	 */
	boolean delist(Instant now) {
		boolean wasClosed = "CLOSED".equals(this.status);
		this.status = "CLOSED";
		this.closedReason = CallClosed.Reason.DELISTED.name();
		this.closedAt = now;
		this.updatedAt = now;
		return !wasClosed;
	}

	/**
	 * Its source lists it again: the next {@link #apply} decides the status from the
	 * source and the deadline.
	 */
	void relisted() {
		if (CallClosed.Reason.DELISTED.name().equals(this.closedReason)) {
			this.closedReason = null;
		}
	}

	/**
	 * The deadline moved on to the next key date (stage 1 passed, stage 2 ahead), or the
	 * last one passed: then the call closes.
	 * @return true when it closed now
	 */
	boolean deadlineReached(KeyDate next, Instant now) {
		this.updatedAt = now;
		if (next != null && next.at().isAfter(now)) {
			this.deadline = next.at();
			this.deadlineZone = next.zone();
			return false;
		}
		this.status = "CLOSED";
		this.closedReason = CallClosed.Reason.DEADLINE_PASSED.name();
		this.closedAt = now;
		return true;
	}

	/** The opening date came: a forthcoming call is open. */
	void opened(Instant now) {
		this.status = "OPEN";
		this.updatedAt = now;
	}

	String getReference() {
		return this.reference;
	}

	String getFunder() {
		return this.funder;
	}

	String getTitle() {
		return this.title;
	}

	String getStatus() {
		return this.status;
	}

	Instant getDeadline() {
		return this.deadline;
	}

	void setContentHash(String contentHash) {
		this.contentHash = contentHash;
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

	CallView toView(Requirements requirements, Map<String, String> evidenceMap, List<KeyDate> keyDates,
			List<CallLink> sources, Map<String, Confirmation> confirmed) {
		return new CallView(this.id, this.sourceId, this.externalId, this.sourceUrl, this.funder, this.title,
				this.summary, this.summaryText, this.language, this.publishedAt, this.opensAt, this.deadline,
				this.deadlineZone, this.status, copy(this.themes), requirements, evidenceMap, this.firstSeenAt,
				this.lastSeenAt, this.reference, this.programme, this.closedReason, this.closedAt, keyDates, sources,
				confirmed);
	}

	String getRequirements() {
		return this.requirements;
	}

	String getEvidence() {
		return this.evidence;
	}

	String getConfirmations() {
		return this.confirmations;
	}

	/** The facts that now rest on the office's word (JSON), or null for none. */
	void confirmed(String confirmationsJson) {
		this.confirmations = confirmationsJson;
	}

	private static List<String> copy(List<String> values) {
		return values == null ? null : List.copyOf(values);
	}

}
