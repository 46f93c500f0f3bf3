package pe.gob.munlima.convoca.match;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.rules.Reason;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders reasons in the reader's language from the message bundles. */
@Component
class ReasonRenderer {

	private final MessageSource messages;

	ReasonRenderer(MessageSource messages) {
		this.messages = messages;
	}

	List<RenderedReason> render(List<Reason> reasons, Locale locale) {
		return reasons.stream().map(reason -> render(reason, locale)).toList();
	}

	String verdict(String verdict, Locale locale) {
		return this.messages.getMessage("verdict." + verdict, null, verdict, locale);
	}

	private RenderedReason render(Reason reason, Locale locale) {
		String message = this.messages.getMessage(reason.messageKey(), labels(reason.args(), locale),
				reason.messageKey(), locale);
		String fix = reason.fixKey() == null ? null
				: this.messages.getMessage(reason.fixKey(), labels(reason.fixArgs(), locale), reason.fixKey(), locale);
		return new RenderedReason(reason.ruleId(), reason.severity().name(), message, reason.evidence(), fix,
				reason.messageKey());
	}

	/**
	 * Arguments that are vocabulary ids ("mobility, climate") are shown with their labels
	 * in the reader's language ("movilidad urbana, cambio climático"); anything else as
	 * is.
	 */
	private Object[] labels(List<String> args, Locale locale) {
		return args.stream()
			.map(arg -> Arrays.stream(arg.split(", "))
				.map(token -> this.messages.getMessage("term." + token, null, token, locale))
				.collect(Collectors.joining(", ")))
			.toArray();
	}

	/** A reason as the API shows it. */
	record RenderedReason(String ruleId, String severity, String message, String evidence, String fix,
			String messageKey) {
	}

}
