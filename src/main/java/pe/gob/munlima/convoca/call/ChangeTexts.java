package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One field-level change of a call said in the reader's language ("La fecha límite cambió
 * de 15/03/2027 a 30/04/2027."), for the version history and for the change notices
 * e-mailed to the people who follow the call.
 */
@Component
public class ChangeTexts {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private final MessageSource messages;

	ChangeTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String describe(FieldChange change, Locale locale) {
		String none = this.messages.getMessage("change.none", null, "-", locale);
		String before = change.before() == null ? none : value(change.field(), change.before());
		String after = change.after() == null ? none : value(change.field(), change.after());
		return this.messages.getMessage("change." + change.field(), new Object[] { before, after },
				change.field() + ": " + before + " → " + after, locale);
	}

	/** Deadlines read as the day in Lima, the way Peru writes dates. */
	private static String value(String field, String text) {
		return "deadline".equals(field) ? Instant.parse(text).atZone(LIMA).format(DAY) : text;
	}

}
