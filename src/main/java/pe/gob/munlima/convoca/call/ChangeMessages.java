package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a change of a call in the reader's language ("La fecha límite cambió de 15/03/2027
 * a 30/04/2027."), for the API's version history and the call's page alike.
 */
@Component
public class ChangeMessages {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private final MessageSource messages;

	ChangeMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String describe(FieldChange change, Locale locale) {
		String none = this.messages.getMessage("change.none", null, "-", locale);
		String before = change.before() == null ? none : value(change.before());
		String after = change.after() == null ? none : value(change.after());
		return this.messages.getMessage("change." + change.field(), new Object[] { before, after },
				change.field() + ": " + before + " → " + after, locale);
	}

	/** Dates are stored as ISO instants and read as days in Lima; the rest as written. */
	private static String value(String text) {
		if (text.length() >= 20 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-') {
			try {
				return Instant.parse(text).atZone(LIMA).format(DAY);
			}
			catch (DateTimeParseException ex) {
				return text;
			}
		}
		return text;
	}

}
