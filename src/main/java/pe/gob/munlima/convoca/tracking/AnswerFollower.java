package pe.gob.munlima.convoca.tracking;

import pe.gob.munlima.convoca.match.Answer;
import pe.gob.munlima.convoca.match.MatchAnswered;
import pe.gob.munlima.convoca.tracking.TransitionForms.Transition;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Nos interesa" starts the application: when the gerencia asks for it with its answer,
 * the match's application moves from "identificada" to "en evaluación", through the
 * pipeline like any move (history with who and when, {@link ApplicationStageChanged}). It
 * runs inside the answer's transaction, so both are stored or neither. An application
 * that already started is left where it is.
 */
@Component
class AnswerFollower {

	private final Subjects subjects;

	private final Pipeline pipeline;

	private final ApplicationStore store;

	AnswerFollower(Subjects subjects, Pipeline pipeline, ApplicationStore store) {
		this.subjects = subjects;
		this.pipeline = pipeline;
		this.store = store;
	}

	@EventListener
	void on(MatchAnswered answered) {
		if (!answered.startApplication() || answered.answer() != Answer.INTERESTED) {
			return;
		}
		Stage stage = this.store.find(answered.matchId())
			.map(ApplicationStore.ApplicationRow::stage)
			.orElse(Stage.IDENTIFIED);
		if (stage != Stage.IDENTIFIED) {
			return;
		}
		// The answer's author was checked to act for the gerencia by the match module.
		this.pipeline.move(this.subjects.find(answered.matchId()),
				new Transition(Stage.EVALUATING.name(), null, answered.note(), null, null), answered.actor());
	}

}
