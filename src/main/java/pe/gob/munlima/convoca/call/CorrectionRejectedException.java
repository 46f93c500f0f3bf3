package pe.gob.munlima.convoca.call;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A correction the call refuses: a fact that cannot be corrected or a value of the wrong
 * kind (422), a call or correction that does not exist (404), a conflict to decide that
 * is not open (409). The detail is {@code correction.problem.<code>} of the bundles, in
 * the reader's language.
 */
public class CorrectionRejectedException extends Refusal {

	CorrectionRejectedException(HttpStatus status, String code, Object... arguments) {
		super(status, "correction", code, arguments);
	}

}
