package pe.gob.munlima.convoca.call;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds the stored call that a call from another source is, when the source's own id is
 * new: first by the donor's reference (Grants.gov opportunity number, EU topic id), then
 * by a fuzzy match of title, funder and deadline.
 * <p>
 * The fuzzy match needs all of: the same funder once names are reduced to their alias
 * (reading/codes.yaml funderAliases), a deadline within a day (time zones and "end of
 * day" conventions differ between sources), and titles whose content words agree with a
 * Dice coefficient of at least {@value #THRESHOLD}. It never joins two calls that both
 * carry a reference and differ in it, nor a call already listed by the same source under
 * another id: the corpus shows why. Among the 932 EU topics of shared/corpus, 62 pairs of
 * different topics close the same day with titles at 0.8 or more (38 identical titles:
 * one topic published under several identifiers), and Grants.gov's extract has 43 such
 * pairs above 0.9; every one of them differs in reference and comes from one source, so
 * the guards, not the threshold, keep them apart. The threshold then only has to absorb
 * an aggregator's rewording: one content word in five added, dropped or changed still
 * scores 0.8.
 */
final class DuplicateFinder {

	/** Dice coefficient of the titles' content words. */
	static final double THRESHOLD = 0.8;

	/**
	 * Deadlines of one call on two sources differ by zone and "end of day" conventions.
	 */
	static final Duration DEADLINE_TOLERANCE = Duration.ofDays(1);

	private final CallRepository calls;

	private final CallSources sources;

	private final KeyDates keyDates;

	private final SourceCodes codes;

	DuplicateFinder(CallRepository calls, CallSources sources, KeyDates keyDates, SourceCodes codes) {
		this.calls = calls;
		this.sources = sources;
		this.keyDates = keyDates;
		this.codes = codes;
	}

	/**
	 * The stored call this one is, found by reference or fuzzily; empty when it is new.
	 */
	Optional<Found> find(NormalisedCall call) {
		if (call.reference() != null) {
			for (Call candidate : this.calls.findByReference(call.reference())) {
				if (!listedUnderAnotherId(candidate.getId(), call)) {
					return Optional.of(new Found(candidate.getId(), "reference"));
				}
			}
		}
		for (KeyDate deadline : call.keyDates()) {
			if (deadline.kind() != KeyDate.Kind.DEADLINE) {
				continue;
			}
			List<Long> near = this.keyDates.callsWithDeadlineBetween(deadline.at().minus(DEADLINE_TOLERANCE),
					deadline.at().plus(DEADLINE_TOLERANCE));
			for (Call candidate : this.calls.findAllById(near)) {
				if (same(candidate, call) && !listedUnderAnotherId(candidate.getId(), call)) {
					return Optional.of(new Found(candidate.getId(), "title"));
				}
			}
		}
		return Optional.empty();
	}

	private boolean same(Call stored, NormalisedCall call) {
		if (stored.getReference() != null && call.reference() != null
				&& !stored.getReference().equals(call.reference())) {
			return false;
		}
		return this.codes.funderKey(stored.getFunder()).equals(this.codes.funderKey(call.funder()))
				&& TitleSimilarity.between(stored.getTitle(), call.title()) >= THRESHOLD;
	}

	/** A source never lists one call twice: two ids of one source are two calls. */
	private boolean listedUnderAnotherId(long callId, NormalisedCall call) {
		return this.sources.ofCall(callId)
			.stream()
			.anyMatch(link -> link.sourceId().equals(call.sourceId()) && !link.externalId().equals(call.externalId()));
	}

	/**
	 * @param how "reference" or "title": what recognised it
	 */
	record Found(long callId, String how) {
	}

}
