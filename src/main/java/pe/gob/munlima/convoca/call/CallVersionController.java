package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A call's history, each change said in the reader's language. */
@RestController
class CallVersionController {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

	private final CallVersions versions;

	private final Calls calls;

	private final MessageSource messages;

	CallVersionController(CallVersions versions, Calls calls, MessageSource messages) {
		this.versions = versions;
		this.calls = calls;
		this.messages = messages;
	}

	@GetMapping("/api/calls/{id}/versions")
	List<VersionView> versions(@PathVariable long id, Locale locale) {
		this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
		return this.versions.of(id)
			.stream()
			.map(version -> new VersionView(version.changedAt(), version.sourceId(),
					version.changes().stream().map(change -> render(change, locale)).toList()))
			.toList();
	}

	private ChangeView render(FieldChange change, Locale locale) {
		String none = this.messages.getMessage("change.none", null, "-", locale);
		String before = change.before() == null ? none : value(change.field(), change.before(), locale);
		String after = change.after() == null ? none : value(change.field(), change.after(), locale);
		boolean date = "deadline".equals(change.field()) || "opensAt".equals(change.field());
		if (date && before.equals(after) && change.before() != null && change.after() != null) {
			// Same day in Lima, another hour (a source that states the time): say the
			// hour.
			before = Instant.parse(change.before()).atZone(LIMA).format(MINUTE);
			after = Instant.parse(change.after()).atZone(LIMA).format(MINUTE);
		}
		String message = this.messages.getMessage("change." + change.field(), new Object[] { before, after },
				change.field() + ": " + before + " → " + after, locale);
		return new ChangeView(change.field(), change.before(), change.after(), message);
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
		List<String> dates = new java.util.ArrayList<>();
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

	/**
	 * @param sourceId the source whose record brought the change; null when Convoca
	 * closed the call
	 */
	record VersionView(Instant changedAt, String sourceId, List<ChangeView> changes) {
	}

	record ChangeView(String field, String before, String after, String message) {
	}

}
