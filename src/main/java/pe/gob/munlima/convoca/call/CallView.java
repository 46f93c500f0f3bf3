package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.requirement.Confirmation;
import pe.gob.munlima.convoca.requirement.Fact;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * A stored call as the other modules read it.
 *
 * @param deadline the next deadline still ahead, or the last one once all have passed
 * (every deadline is in {@code keyDates})
 * @param status OPEN, FORTHCOMING or CLOSED
 * @param themes what the call funds, for search and ranking; a call restricts them only
 * in {@link Requirements#restrictedThemes()}
 * @param requirements what the call requires, each fact with the words it was read from;
 * a null fact means the call does not state it
 * @param evidence for the other facts (dates, themes, status), the sentence of the call
 * or the source's field it was read from
 * @param reference the donor's own reference (Grants.gov opportunity number, EU topic id)
 * @param closedReason SOURCE_STATUS, DEADLINE_PASSED or DELISTED when closed
 * @param keyDates openings and deadlines, oldest first
 * @param sources every source that lists the call, the one whose values win first
 * @param confirmed the facts (requirements, or the deadline) the office confirmed or
 * corrected, by name: their values rest on its word, not on Convoca's reading
 */
public record CallView(long id, String sourceId, String externalId, String sourceUrl, String funder, String title,
		String summary, String summaryText, String language, Instant publishedAt, Instant opensAt, Instant deadline,
		String deadlineZone, String status, List<String> themes, Requirements requirements,
		Map<String, String> evidence, Instant firstSeenAt, Instant lastSeenAt, String reference, String programme,
		String closedReason, Instant closedAt, List<KeyDate> keyDates, List<CallLink> sources,
		Map<String, Confirmation> confirmed) {

	public CallView {
		confirmed = confirmed == null ? Map.of() : Map.copyOf(confirmed);
		requirements = requirements == null ? Requirements.NONE : requirements;
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
		keyDates = keyDates == null ? List.of() : List.copyOf(keyDates);
		sources = sources == null ? List.of() : List.copyOf(sources);
	}

	/** A call no fact of which the office confirmed. */
	public CallView(long id, String sourceId, String externalId, String sourceUrl, String funder, String title,
			String summary, String summaryText, String language, Instant publishedAt, Instant opensAt, Instant deadline,
			String deadlineZone, String status, List<String> themes, Requirements requirements,
			Map<String, String> evidence, Instant firstSeenAt, Instant lastSeenAt, String reference, String programme,
			String closedReason, Instant closedAt, List<KeyDate> keyDates, List<CallLink> sources) {
		this(id, sourceId, externalId, sourceUrl, funder, title, summary, summaryText, language, publishedAt, opensAt,
				deadline, deadlineZone, status, themes, requirements, evidence, firstSeenAt, lastSeenAt, reference,
				programme, closedReason, closedAt, keyDates, sources, Map.of());
	}

	/**
	 * A call built by hand, for tests and benchmarks: open, from one source, without key
	 * dates.
	 */
	public static CallView of(long id, String sourceId, String title, String summaryText, Instant deadline,
			List<String> themes, Requirements requirements) {
		return new CallView(id, sourceId, "ext-" + id, "https://example.org/calls/" + id, null, title, summaryText,
				summaryText, "es", null, null, deadline, null, "OPEN", themes, requirements, Map.of(), null, null, null,
				null, null, null, List.of(), List.of());
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
		return "PROCUREMENT".equals(Fact.valueOf(this.requirements.instrument()));
	}

	/**
	 * The sentence (or field) every fact was read from: the requirements' and the
	 * others', for the page that shows where each fact came from.
	 */
	public Map<String, String> allEvidence() {
		Map<String, String> all = new java.util.LinkedHashMap<>(this.evidence);
		this.requirements.stated().forEach(fact -> {
			if (fact.evidence() != null) {
				all.put(fact.name(), fact.evidence());
			}
		});
		return all;
	}

}
