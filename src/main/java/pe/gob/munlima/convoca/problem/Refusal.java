package pe.gob.munlima.convoca.problem;

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
 * A request a module's rules refuse, said in the reader's language: the detail is the
 * message {@code <prefix>.problem.<code>} of the bundles; the API answers it as
 * problem+json and the pages show {@link #detail} above the form. Arguments that are
 * labels (a {@link MessageSourceResolvable}, or a list of them) are rendered in the
 * reader's language too.
 */
public abstract class Refusal extends ErrorResponseException {

	private final Object[] arguments;

	protected Refusal(HttpStatus status, String prefix, String code, Object... arguments) {
		super(status, ProblemDetail.forStatus(status), null, prefix + ".problem." + code, arguments);
		this.arguments = arguments.clone();
	}

	@Override
	public Object[] getDetailMessageArguments(MessageSource messages, Locale locale) {
		return Arrays.stream(this.arguments).map(argument -> resolve(argument, messages, locale)).toArray();
	}

	/** The detail in the reader's language, for pages. */
	public String detail(MessageSource messages, Locale locale) {
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
