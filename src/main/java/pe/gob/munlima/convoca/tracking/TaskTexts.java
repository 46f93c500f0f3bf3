package pe.gob.munlima.convoca.tracking;

import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.ReasonText;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.tracking.TaskStore.TaskRow;

import org.springframework.stereotype.Component;

/**
 * What a task says, in the reader's language. A task derived from a finding keeps the
 * finding, not a sentence: it reads as the finding's fix ("Registrarse en el Portal de
 * Financiamiento de la UE (PIC) antes del cierre"), or as the finding itself when the
 * rules offer no fix, and explains why with the finding's message. A user's task (or a
 * derived task a user reworded) reads as written.
 */
@Component
class TaskTexts {

	private final Matches matches;

	private final JsonMapper json = JsonMapper.builder().build();

	TaskTexts(Matches matches) {
		this.matches = matches;
	}

	Text text(TaskRow task, Locale locale) {
		if (task.finding() == null) {
			return new Text(task.title(), null);
		}
		ReasonText finding = this.matches.render(this.json.readValue(task.finding(), Reason.class), locale);
		String text = task.title() != null ? task.title() : finding.fix() != null ? finding.fix() : finding.message();
		return new Text(text, finding.message());
	}

	/**
	 * @param why the finding a derived task answers; null for a user's task
	 */
	record Text(String task, String why) {
	}

}
