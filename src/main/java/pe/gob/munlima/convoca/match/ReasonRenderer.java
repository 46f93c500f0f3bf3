package pe.gob.munlima.convoca.match;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.rules.Reason;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders reasons in the reader's language from the message bundles. */
@Component
class ReasonRenderer {

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final DateTimeFormatter PERU_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

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
		String confirmed = reason.confirmed() == null ? null : this.messages.getMessage("reasons.confirmed",
				new Object[] { label(reason.confirmed().on().toString(), locale), reason.confirmed().by() }, locale);
		return new RenderedReason(reason.ruleId(), reason.severity().name(), message, reason.evidence(), fix,
				reason.messageKey(), reason.fact(), confirmed);
	}

	/**
	 * Arguments that are vocabulary ids ("mobility, climate") are shown with their labels
	 * in the reader's language ("movilidad urbana, cambio climático"); anything else as
	 * is.
	 */
	private Object[] labels(List<String> args, Locale locale) {
		return args.stream()
			.map(arg -> Arrays.stream(arg.split(", "))
				.map(token -> label(token, locale))
				.collect(Collectors.joining(", ")))
			.toArray();
	}

	private String label(String token, Locale locale) {
		if (ISO_DATE.matcher(token).matches()) {
			// Dates read the way Peru writes them (15/03/2027); English readers get ISO
			// dates.
			return "es".equals(locale.getLanguage()) ? LocalDate.parse(token).format(PERU_DATE) : token;
		}
		return this.messages.getMessage("term." + token, null, token, locale);
	}

	/**
	 * A reason as the API shows it.
	 *
	 * @param fact the fact of the call the reason rests on, or null
	 * @param confirmed "confirmado por la Subgerencia el …" when the office confirmed
	 * that fact, or null
	 */
	record RenderedReason(String ruleId, String severity, String message, String evidence, String fix,
			String messageKey, String fact, String confirmed) {
	}

}
