package pe.gob.munlima.convoca.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request about alerts that is refused (an invalid e-mail address, an unknown gerencia,
 * a saved search that does not parse...). The detail is the message
 * {@code alert.problem.<code>} of the bundles, in the reader's language, rendered as
 * problem+json by the API's error handling.
 */
class AlertRejectedException extends ErrorResponseException {

	private final String code;

	private final transient Object[] arguments;

	AlertRejectedException(HttpStatus status, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, "alert.problem." + code, arguments);
		this.code = code;
		this.arguments = arguments.clone();
	}

	String code() {
		return this.code;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
