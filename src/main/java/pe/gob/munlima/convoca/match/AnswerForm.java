package pe.gob.munlima.convoca.match;

import jakarta.validation.constraints.Size;

import pe.gob.munlima.convoca.validation.PlainText;

/**
 * A gerencia's answer to a match, as the API and the pages send it.
 *
 * @param answer {@code INTERESTED} or {@code NOT_APPLICABLE} (or the office's words, "nos
 * interesa", "no aplica")
 * @param reason a code of {@code convoca.match.answers.reasons} that belongs to the
 * answer ({@code GET /api/answers/reasons})
 * @param note free text; required by the reasons marked so ("otro")
 * @param startApplication with "nos interesa": move the match's application to "en
 * evaluación" (when it has not started yet)
 */
record AnswerForm(@Size(max = 60) @PlainText String answer, @Size(max = 60) @PlainText String reason,
		@Size(max = AnswerService.NOTE_MAX) @PlainText(multiline = true) String note, Boolean startApplication) {
}
