package pe.gob.munlima.convoca.project;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A project the portfolio refuses: a code already taken (409) or a gerencia that does not
 * exist (422). The detail is the message {@code project.problem.<code>} of the bundles,
 * in the reader's language: problem+json for the API, the field's error on a page.
 */
public class ProjectRejectedException extends ErrorResponseException {

	private final String field;

	ProjectRejectedException(HttpStatus status, String field, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, "project.problem." + code, arguments);
		this.field = field;
	}

	/** The form field at fault: {@code code} or {@code gerencia}. */
	public String field() {
		return this.field;
	}

}
