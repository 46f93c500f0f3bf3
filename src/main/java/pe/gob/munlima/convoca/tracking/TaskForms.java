package pe.gob.munlima.convoca.tracking;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import pe.gob.munlima.convoca.validation.PlainText;

/** What the API and the pages send to change a checklist. */
final class TaskForms {

	private TaskForms() {
	}

	/**
	 * A task a user adds.
	 *
	 * @param owner username responsible; the author when empty
	 * @param dueOn internal due date; none when empty
	 */
	record NewTask(@Size(max = 500) @PlainText String title, @Size(max = 100) @PlainText String owner,
			LocalDate dueOn) {
	}

	/**
	 * A change to a task: only the fields given change.
	 *
	 * @param done true to check it off, false to undo that
	 */
	record TaskChange(@Size(max = 500) @PlainText String title, @Size(max = 100) @PlainText String owner,
			LocalDate dueOn, Boolean done) {
	}

}
