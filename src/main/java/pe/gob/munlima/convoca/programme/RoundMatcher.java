package pe.gob.munlima.convoca.programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a call is a round of a programme: the same funder is required; then the
 * weighted signals of {@code index/programmes.yaml} add up (the donor's reference stem,
 * the programme the source names, title likeness, the same source) and a disagreement of
 * reference stems or programme names subtracts its weight. A call joins the programme one
 * of whose rounds scores best, when that score reaches the threshold; otherwise it starts
 * a programme of its own. Joining on the best single round, never bridging two programmes
 * afterwards, keeps one odd call from chaining unrelated programmes together.
 */
final class RoundMatcher {

	private final ProgrammeSignals signals;

	RoundMatcher(ProgrammeSignals signals) {
		this.signals = signals;
	}

	/** The likeness of two calls as rounds of one programme; 0 for different funders. */
	double score(RoundFeatures a, RoundFeatures b) {
		if (a.funderKey().isEmpty() || !a.funderKey().equals(b.funderKey())) {
			return 0;
		}
		ProgrammeSignals.Weights weights = this.signals.grouping().weights();
		double score = 0;
		if (a.referenceStem() != null && b.referenceStem() != null) {
			score += a.referenceStem().equals(b.referenceStem()) ? weights.reference() : -weights.reference();
		}
		if (a.programmeName() != null && b.programmeName() != null) {
			score += a.programmeName().equals(b.programmeName()) ? weights.programme() : -weights.programme();
		}
		double title = dice(a.titleWords(), b.titleWords());
		if (title >= this.signals.grouping().titleMinimum()) {
			score += weights.title() * title;
		}
		if (a.sourceId() != null && a.sourceId().equals(b.sourceId())) {
			score += weights.source();
		}
		return score;
	}

	/**
	 * The programme this call is a round of, among the rounds of its funder's programmes.
	 * @param programmes each programme's rounds
	 */
	Optional<Joined> join(RoundFeatures call, Map<Long, List<RoundFeatures>> programmes) {
		Joined best = null;
		for (Map.Entry<Long, List<RoundFeatures>> programme : programmes.entrySet()) {
			for (RoundFeatures round : programme.getValue()) {
				double score = score(call, round);
				if (score >= this.signals.grouping().threshold() && (best == null || score > best.score())) {
					best = new Joined(programme.getKey(), score);
				}
			}
		}
		return Optional.ofNullable(best);
	}

	static double dice(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		int shared = 0;
		for (String word : a) {
			if (b.contains(word)) {
				shared++;
			}
		}
		return 2.0 * shared / (a.size() + b.size());
	}

	record Joined(long programmeId, double score) {
	}

}
