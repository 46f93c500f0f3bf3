package pe.gob.munlima.convoca.match;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * A pair its gerencia answered "no aplica" gets no line of its own on the Panel while its
 * verdict is the one answered ({@link AnswerStore#DISMISSED}): the office is not told
 * again what the gerencia already settled. It stays behind "ver todas".
 */
@Component
class DismissedPairs implements NewMatchFilter {

	private final AnswerStore answers;

	DismissedPairs(AnswerStore answers) {
		this.answers = answers;
	}

	@Override
	public boolean shows(NewMatchSignal.Candidate candidate) {
		return !this.answers.dismissedMatchIds().contains(candidate.match().matchId());
	}

	@Override
	public NewMatchFilter forSelection() {
		Set<Long> dismissed = this.answers.dismissedMatchIds();
		return candidate -> !dismissed.contains(candidate.match().matchId());
	}

}
