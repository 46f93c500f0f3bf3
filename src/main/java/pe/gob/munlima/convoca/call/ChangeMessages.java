package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a change of a call in the reader's language ("La fecha límite cambió de 15/03/2027
 * a 30/04/2027."), for the API's version history, the call's page and the change notices
 * e-mailed to the people who follow the call.
 */
@Component
public class ChangeMessages {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

	private final MessageSource messages;

	ChangeMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** A fact's name in the reader's language ("Quién puede postular"). */
	public String label(String fact, Locale locale) {
		return this.messages.getMessage("requirement." + fact, null, fact, locale);
	}

	public String describe(FieldChange change, Locale locale) {
		String none = this.messages.getMessage("change.none", null, "-", locale);
		String before = change.before() == null ? none : value(change.field(), change.before(), locale);
		String after = change.after() == null ? none : value(change.field(), change.after(), locale);
		boolean date = "deadline".equals(change.field()) || "opensAt".equals(change.field());
		if (date && before.equals(after) && change.before() != null && change.after() != null) {
			// Same day in Lima, another hour (a source that states the time): say the
			// hour, or the sentence would read "changed from 15/03 to 15/03".
			before = Instant.parse(change.before()).atZone(LIMA).format(MINUTE);
			after = Instant.parse(change.after()).atZone(LIMA).format(MINUTE);
		}
		String said = this.messages.getMessage("change." + change.field(), new Object[] { before, after }, null,
				locale);
		if (said != null) {
			return said;
		}
		// A requirement without a sentence of its own is said with its label: a new
		// criterion is announced from the day it is read.
		String label = this.messages.getMessage("requirement." + change.field(), null, change.field(), locale);
		return this.messages.getMessage("change.requirement", new Object[] { label, before, after },
				label + ": " + before + " → " + after, locale);
	}

	/**
	 * Dates as the reader's day in Lima, key dates with what they are ("cierre 15/03/2026
	 * (Stage 1)"), statuses and instruments in words.
	 */
	private String value(String field, String text, Locale locale) {
		return switch (field) {
			case "deadline", "opensAt" -> day(text);
			case "keyDates" -> keyDates(text, locale);
			case "status", "instrument" -> this.messages.getMessage(field + "." + text, null, text, locale);
			default -> text;
		};
	}

	private String keyDates(String text, Locale locale) {
		List<String> dates = new ArrayList<>();
		for (String entry : text.split(", ")) {
			String[] parts = entry.split(" ", 3);
			if (parts.length < 2) {
				dates.add(entry);
				continue;
			}
			String kind = this.messages.getMessage("keyDate." + parts[0], null, parts[0], locale);
			dates.add(kind + " " + day(parts[1]) + (parts.length == 3 ? " (" + parts[2] + ")" : ""));
		}
		return String.join(", ", dates);
	}

	private static String day(String instant) {
		return Instant.parse(instant).atZone(LIMA).format(DAY);
	}

}
