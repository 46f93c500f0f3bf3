package pe.gob.munlima.convoca.match;

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
 * An answer the rules refuse (an unknown reason, a missing note, a gerencia match). The
 * detail is the message {@code answer.problem.<code>} of the bundles in the reader's
 * language: the API answers it as problem+json, the pages show it above the form. Label
 * arguments (a reason, a list of reasons) are rendered in the reader's language too.
 */
class AnswerRefusedException extends ErrorResponseException {

	private final Object[] arguments;

	AnswerRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, "answer.problem." + code, arguments);
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
