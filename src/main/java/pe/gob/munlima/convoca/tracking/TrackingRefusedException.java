package pe.gob.munlima.convoca.tracking;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A pipeline, checklist or award request the rules of tracking refuse. The detail is the
 * message {@code tracking.problem.<code>} of the bundles, in the reader's language: the
 * API answers it as problem+json, the pages show it above the forms. Arguments that are
 * labels (a stage, a list of stages) are rendered in the reader's language too.
 */
class TrackingRefusedException extends ErrorResponseException {

	private final Object[] arguments;

	TrackingRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, "tracking.problem." + code, arguments);
		this.arguments = arguments.clone();
	}

	@Override
	public Object[] getDetailMessageArguments(MessageSource messages, Locale locale) {
		return Arrays.stream(this.arguments).map(argument -> resolve(argument, messages, locale)).toArray();
	}

	/** The detail in the reader's language, for pages. */
	String detail(MessageSource messages, Locale locale) {
		return messages.getMessage(getDetailMessageCode(), getDetailMessageArguments(messages, locale), locale);
	}

	private static Object resolve(Object argument, MessageSource messages, Locale locale) {
		if (argument instanceof MessageSourceResolvable resolvable) {
			return messages.getMessage(resolvable, locale);
		}
		if (argument instanceof List<?> list) {
			return list.stream()
				.map(item -> String.valueOf(resolve(item, messages, locale)))
				.collect(Collectors.joining(", "));
		}
		return argument;
	}

}
