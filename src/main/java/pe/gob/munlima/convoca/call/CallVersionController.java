package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A call's history, each change said in the reader's language. */
@RestController
class CallVersionController {

	private final CallVersions versions;

	private final Calls calls;

	private final ChangeMessages messages;

	CallVersionController(CallVersions versions, Calls calls, ChangeMessages messages) {
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
		return new ChangeView(change.field(), change.before(), change.after(), this.messages.describe(change, locale));
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
