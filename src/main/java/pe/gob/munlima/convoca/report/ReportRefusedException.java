package pe.gob.munlima.convoca.report;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A report that cannot be made as asked (a period that ends before it starts, an unknown
 * gerencia or theme). The detail is the message {@code report.problem.<code>}, in the
 * reader's language.
 */
class ReportRefusedException extends ErrorResponseException {

	ReportRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, "report.problem." + code, arguments);
	}

}
