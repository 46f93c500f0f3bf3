package pe.gob.munlima.convoca.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every problem+json the API writes a title in the reader's language and the
 * request path as {@code instance}, including those the modules' own exception handlers
 * return ({@code ProblemDetail.forStatusAndDetail(...)} would otherwise say "Bad
 * Request"). A title a module chose itself is kept.
 */
@RestControllerAdvice
class ProblemTitles implements ResponseBodyAdvice<Object> {

	private final MessageSource messages;

	ProblemTitles(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			problem.setTitle(title(this.messages, problem, LocaleContextHolder.getLocale()));
			if (problem.getInstance() == null) {
				problem.setInstance(URI.create(request.getURI().getRawPath()));
			}
		}
		return body;
	}

	/** The module's own title, or the status's title in the reader's language. */
	static String title(MessageSource messages, ProblemDetail problem, Locale locale) {
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		String title = problem.getTitle();
		if (title == null || (status != null && title.equals(status.getReasonPhrase()))) {
			return messages.getMessage("problem.title." + problem.getStatus(), null,
					status == null ? String.valueOf(problem.getStatus()) : status.getReasonPhrase(), locale);
		}
		return title;
	}

}
