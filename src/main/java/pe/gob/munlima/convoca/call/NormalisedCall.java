package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * A call after normalisation, as one source says it: what gets stored. Null means "not
 * stated".
 *
 * @param reference the donor's own reference, normalised (upper case, no spaces)
 * @param sourceStatus OPEN, FORTHCOMING or CLOSED when the source states it
 * @param keyDates every opening and deadline the source gives, oldest first
 * @param requirements what the call requires, each fact with its evidence
 * @param evidence the sentence or field each other fact (dates, themes) was read from
 */
record NormalisedCall(String stableKey, String sourceId, String externalId, String sourceUrl, String funder,
		String title, String summary, String summaryText, String language, Instant publishedAt, Instant opensAt,
		Instant deadline, String deadlineZone, List<String> themes, Requirements requirements,
		Map<String, String> evidence, String reference, String programme, String sourceStatus, List<KeyDate> keyDates) {

	NormalisedCall {
		keyDates = keyDates == null ? List.of() : List.copyOf(keyDates);
		requirements = requirements == null ? Requirements.NONE : requirements;
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
	}

	/**
	 * Status on a given instant: closed when the source says so or after the last
	 * deadline, forthcoming when the source says so or before opening.
	 */
	String statusAt(Instant now) {
		if ("CLOSED".equals(this.sourceStatus) || (this.deadline != null && this.deadline.isBefore(now))) {
			return "CLOSED";
		}
		if ("FORTHCOMING".equals(this.sourceStatus) || (this.opensAt != null && this.opensAt.isAfter(now))) {
			return "FORTHCOMING";
		}
		return "OPEN";
	}

}
