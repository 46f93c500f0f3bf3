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
			.map(version -> new VersionView(version.changedAt(),
					version.changes().stream().map(change -> render(change, locale)).toList()))
			.toList();
	}

	private ChangeView render(FieldChange change, Locale locale) {
		String none = this.messages.getMessage("change.none", null, "-", locale);
		String before = change.before() == null ? none : value(change.field(), change.before());
		String after = change.after() == null ? none : value(change.field(), change.after());
		String message = this.messages.getMessage("change." + change.field(), new Object[] { before, after },
				change.field() + ": " + before + " → " + after, locale);
		return new ChangeView(change.field(), change.before(), change.after(), message);
	}

	private static String value(String field, String text) {
		return "deadline".equals(field) ? Instant.parse(text).atZone(LIMA).format(DAY) : text;
	}

	record VersionView(Instant changedAt, List<ChangeView> changes) {
	}

	record ChangeView(String field, String before, String after, String message) {
	}

}
