package pe.gob.munlima.convoca.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every error of the REST API as problem+json with a detail in the reader's language. A
 * controller's own {@code @ExceptionHandler} still wins; this catches the rest: bean
 * validation (with each field's message in {@code errors}), malformed JSON, a wrong
 * parameter type, a broken multipart body, unknown path (404), method (405), media type
 * (415), the problems a module raises as {@link ErrorResponse} with a message code, and
 * anything unexpected (500, logged, without internals in the answer).
 * <p>
 * Pages are not its business: for them the exception goes on to Spring Boot's error page,
 * and 401/403 go on to Spring Security, which answers them in one place.
 */
@RestControllerAdvice
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	/** Field errors listed in one problem. */
	static final int MAX_ERRORS = 20;

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handle(Exception ex, HttpServletRequest request, Locale locale) throws Exception {
		if (!isApi(request) || ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		ProblemDetail problem = problem(ex, locale);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex instanceof ErrorResponse error) {
			// Retry-After of a 503 or 409, Allow of a 405 ...
			response.headers(error.getHeaders());
		}
		return response.body(problem);
	}

	private ProblemDetail problem(Exception ex, Locale locale) {
		if (ex instanceof MethodArgumentNotValidException invalid) {
			return invalid(invalid.getFieldErrors().stream().map(error -> field(error, locale)).toList(), locale);
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			List<Map<String, String>> errors = new ArrayList<>();
			invalid.getParameterValidationResults()
				.forEach(result -> result.getResolvableErrors()
					.forEach(error -> errors
						.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()), "message",
								message(error, locale)))));
			return invalid(errors, locale);
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return problem(HttpStatus.BAD_REQUEST, text("problem.unreadable", locale, new Object[0]), locale);
		}
		if (ex instanceof TypeMismatchException mismatch) {
			return problem(HttpStatus.BAD_REQUEST, text("problem.typeMismatch", locale,
					new Object[] { mismatch.getPropertyName(), String.valueOf(mismatch.getValue()) }), locale);
		}
		if (ex instanceof ErrorResponse response) {
			// Spring's exceptions and the modules' coded problems find their detail in
			// the bundles (problemDetail.<exception class>, user.problem.<code> ...); a
			// module's ResponseStatusException keeps its own Spanish reason.
			ProblemDetail body = response.getBody();
			String detail = this.messages.getMessage(response.getDetailMessageCode(),
					response.getDetailMessageArguments(this.messages, locale), null, locale);
			if (detail == null) {
				detail = ex instanceof ResponseStatusException status && status.getReason() != null ? status.getReason()
						: text("problem.detail." + body.getStatus(), locale, new Object[0]);
			}
			body.setDetail(detail);
			return titled(body, locale);
		}
		if (ex instanceof MultipartException) {
			// A multipart request without a body, or with a broken boundary: the client's
			// mistake, not the server's.
			return problem(HttpStatus.BAD_REQUEST, text("problem.multipart", locale, new Object[0]), locale);
		}
		log.error("Unexpected error answering the API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("problem.detail.500", locale, new Object[0]), locale);
	}

	private ProblemDetail invalid(List<Map<String, String>> all, Locale locale) {
		// 100,000 unknown themes are 100,000 errors: the first few say what is wrong.
		List<Map<String, String>> errors = all.size() > MAX_ERRORS ? all.subList(0, MAX_ERRORS) : all;
		StringBuilder detail = new StringBuilder(text("problem.invalid", locale, new Object[0]));
		for (Map<String, String> error : errors) {
			detail.append(' ').append(error.get("field")).append(": ").append(error.get("message")).append('.');
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail.toString(), locale);
		problem.setProperty("errors", errors);
		return problem;
	}

	private Map<String, String> field(FieldError error, Locale locale) {
		return Map.of("field", error.getField(), "message", message(error, locale));
	}

	private String message(MessageSourceResolvable error, Locale locale) {
		return this.messages.getMessage(error, locale);
	}

	private ProblemDetail problem(HttpStatusCode status, String detail, Locale locale) {
		return titled(ProblemDetail.forStatusAndDetail(status, detail), locale);
	}

	private ProblemDetail titled(ProblemDetail problem, Locale locale) {
		problem.setTitle(ProblemTitles.title(this.messages, problem, locale));
		return problem;
	}

	private String text(String key, Locale locale, Object[] arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
	}

}
