package pe.gob.munlima.convoca.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A user-management request the rules refuse (duplicate, unknown gerencia, weak password,
 * last administrator...). The detail is the message {@code user.problem.<code>} of the
 * bundles, in the reader's language, rendered as problem+json by the API's error
 * handling.
 */
class UserRejectedException extends ErrorResponseException {

	UserRejectedException(HttpStatus status, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, "user.problem." + code, arguments);
	}

}
