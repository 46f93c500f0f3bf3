package pe.gob.munlima.convoca.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.requirement.RequirementFacts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of the codes calls and projects carry, in the reader's language, for templates
 * ({@code ${@labels.term('mobility')}} is "movilidad urbana"): vocabulary ids, statuses,
 * languages. A code without a label is shown as it is rather than hidden.
 */
@Component("labels")
public class Labels {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private final MessageSource messages;

	private final PeruFormat peru;

	Labels(MessageSource messages, PeruFormat peru) {
		this.messages = messages;
		this.peru = peru;
	}

	/** A vocabulary id: theme, applicant type, region, registration, language. */
	public String term(String id) {
		return id == null ? "" : label("term." + id, id);
	}

	/** Several ids, comma-separated, in their order. */
	public String terms(Collection<String> ids) {
		return ids == null ? "" : ids.stream().map(this::term).collect(Collectors.joining(", "));
	}

	/** open, forthcoming, closed (any case). */
	public String status(String status) {
		return status == null ? "" : label("status." + status.toUpperCase(Locale.ROOT), status);
	}

	/** An ISO 639-1 language code of a call; "unknown" when it could not be told. */
	public String language(String code) {
		return code == null ? "" : label("term." + code.toLowerCase(Locale.ROOT), code);
	}

	/**
	 * A value of a search filter as the Convocatorias page names it: vocabulary ids by
	 * their label, deadline and amount buckets by theirs, range bounds as dates and USD.
	 */
	public String facet(String dim, String value) {
		if (value == null) {
			return "";
		}
		return switch (dim) {
			case "theme", "applicantType", "region" -> term(value);
			case "status" -> status(value);
			case "language" -> language(value);
			case "deadline", "amount" -> label("search.bucket." + value, value);
			case "deadlineFrom", "deadlineTo" -> day(value);
			case "amountMin", "amountMax" -> usd(value);
			default -> value;
		};
	}

	/**
	 * A stated requirement's value in words: codes by their labels, numbers in Peru's
	 * format, yes or no; then the fact's own pattern when it has one
	 * ({@code requirement.durationMonthsMax.value={0} meses}), so a new fact shows
	 * without a template of its own.
	 */
	public String fact(RequirementFacts.Stated fact) {
		String value;
		if (fact.value() instanceof Collection<?> ids) {
			value = terms(ids.stream().map(String::valueOf).toList());
		}
		else if (fact.value() instanceof Number number) {
			value = this.peru.number(number);
		}
		else if (fact.value() instanceof Boolean yes) {
			value = label(yes ? "requirement.yes" : "requirement.no", yes.toString());
		}
		else {
			// A code of one fact ("instrument.GRANT") before the shared vocabulary.
			value = label(fact.name() + "." + fact.value(), term(String.valueOf(fact.value())));
		}
		return this.messages.getMessage("requirement." + fact.name() + ".value", new Object[] { value }, value,
				LocaleContextHolder.getLocale());
	}

	private static String day(String iso) {
		try {
			return DAY.format(LocalDate.parse(iso));
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
	}

	private String usd(String amount) {
		try {
			return this.peru.money(new BigDecimal(amount.replace("_", "")), "USD");
		}
		catch (NumberFormatException ex) {
			return amount;
		}
	}

	private String label(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

}
