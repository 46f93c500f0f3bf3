package pe.gob.munlima.convoca.match;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * An answer the rules refuse (an unknown reason, a missing note, a gerencia match). The
 * detail is the message {@code answer.problem.<code>} of the bundles in the reader's
 * language: the API answers it as problem+json, the pages show it above the form. Label
 * arguments (a reason, a list of reasons) are rendered in the reader's language too.
 */
class AnswerRefusedException extends Refusal {

	AnswerRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, "answer", code, arguments);
	}

}
