package pe.gob.munlima.convoca.match;

import org.springframework.stereotype.Component;

/**
 * Shows a pair only when the project's subject fits the call: the call states one of the
 * project's (or the gerencia's) themes, or the call's words score at least the floor
 * against its theme query. Candidates reach the rules on any positive score, or merely
 * because a call theme is among the gerencia's competences, which is how a
 * tsunami-preparedness exchange came to be paired with a green-capital award; the rules
 * judge eligibility, not relevance, so relevance is decided here.
 */
@Component
class RelevanceFloor implements NewMatchFilter {

	private final SignalProperties properties;

	RelevanceFloor(SignalProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean shows(NewMatchSignal.Candidate candidate) {
		return fits(candidate, this.properties);
	}

	static boolean fits(NewMatchSignal.Candidate candidate, SignalProperties properties) {
		if (properties.themeOverlap() && candidate.sharesTheme()) {
			return true;
		}
		return candidate.match().score() >= properties.minScore();
	}

}
