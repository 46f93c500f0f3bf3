package pe.gob.munlima.convoca.match;

import java.util.List;
import java.util.Locale;

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
		String message = this.messages.getMessage(reason.messageKey(), reason.args().toArray(), reason.messageKey(),
				locale);
		String fix = reason.fixKey() == null ? null
				: this.messages.getMessage(reason.fixKey(), reason.fixArgs().toArray(), reason.fixKey(), locale);
		return new RenderedReason(reason.ruleId(), reason.severity().name(), message, reason.evidence(), fix,
				reason.messageKey());
	}

	/** A reason as the API shows it. */
	record RenderedReason(String ruleId, String severity, String message, String evidence, String fix,
			String messageKey) {
	}

}
