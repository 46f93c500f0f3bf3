package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A call's page: what it offers and asks (deadlines, amounts, who may apply, where),
 * where it was published, how it changed since first seen and what the office corrected.
 * What other modules know of the call (every project and gerencia judged for it, the
 * programme it is a round of) they add as {@link CallPageSection}s, which this page
 * includes without knowing them.
 */
@Controller
class CallPageController {

	private final Calls calls;

	private final CallVersions versions;

	private final ChangeMessages changes;

	private final Corrections corrections;

	private final AccessControl access;

	private final MessageSource messages;

	private final ObjectProvider<CallPageSection> sections;

	CallPageController(Calls calls, CallVersions versions, ChangeMessages changes, Corrections corrections,
			AccessControl access, MessageSource messages, ObjectProvider<CallPageSection> sections) {
		this.calls = calls;
		this.versions = versions;
		this.changes = changes;
		this.corrections = corrections;
		this.access = access;
		this.messages = messages;
		this.sections = sections;
	}

	@GetMapping("/convocatorias/{id}")
	String call(@PathVariable long id, Locale locale, Model model) {
		CallView call = this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
		model.addAttribute("call", call);
		model.addAttribute("summaryHtml", SafeHtml.summary(call.summary()));
		model.addAttribute("versions", versions(id, locale));
		model.addAttribute("corrections",
				this.corrections.of(id)
					.stream()
					.map(c -> CorrectionRow.of(c, this.changes, this.messages, locale))
					.toList());
		boolean mayCorrect = this.access.currentUser().map(user -> user.has(Role.SUBGERENCIA)).orElse(false);
		model.addAttribute("mayCorrect", mayCorrect);
		if (mayCorrect) {
			model.addAttribute("correctable", Corrections.correctable()
				.stream()
				.map(name -> new Correctable(name, this.changes.label(name, locale), Corrections.kind(name).name()))
				.toList());
		}
		List<CallPageSection> shown = this.sections.orderedStream().toList();
		shown.forEach(section -> section.contribute(call, locale, model));
		model.addAttribute("headingSections", fragments(shown, CallPageSection.Place.HEADING));
		model.addAttribute("bodySections", fragments(shown, CallPageSection.Place.BODY));
		return "calls/call";
	}

	private static List<String> fragments(List<CallPageSection> sections, CallPageSection.Place place) {
		return sections.stream().filter(section -> section.place() == place).map(CallPageSection::fragment).toList();
	}

	/** Newest first; the first version, the call as first seen, has no changes. */
	private List<VersionRow> versions(long id, Locale locale) {
		List<VersionRow> rows = new ArrayList<>();
		for (CallVersions.CallVersion version : this.versions.of(id)) {
			rows.add(0,
					new VersionRow(version.changedAt(),
							version.changes().stream().map(change -> this.changes.describe(change, locale)).toList(),
							version.author(), version.note()));
		}
		return rows;
	}

	/**
	 * @param author who corrected the call by hand, or null for a source's change
	 */
	record VersionRow(Instant changedAt, List<String> changes, String author, String note) {
	}

	/** A fact the office may correct, for the form's choice. */
	record Correctable(String name, String label, String kind) {
	}

	/**
	 * A correction as the page shows it: the values in words.
	 *
	 * @param value what the office said
	 * @param conflict what the source says now, when it differs; null without a conflict
	 */
	record CorrectionRow(Correction correction, String label, String value, String conflict) {

		static CorrectionRow of(Correction correction, ChangeMessages changes, MessageSource messages, Locale locale) {
			return new CorrectionRow(correction, changes.label(correction.fact(), locale),
					words(correction.value(), messages, locale),
					correction.inConflict() ? words(correction.conflictValue(), messages, locale) : null);
		}

		/** Codes with their labels, yes and no, or "no lo exige" for no value. */
		static String words(Object value, MessageSource messages, Locale locale) {
			if (value == null) {
				return messages.getMessage("correction.value.none", null, locale);
			}
			if (value instanceof Boolean yes) {
				return messages.getMessage("correction.value." + yes, null, locale);
			}
			if (value instanceof java.util.Collection<?> codes) {
				return codes.stream()
					.map(code -> messages.getMessage("term." + code, null, String.valueOf(code), locale))
					.collect(Collectors.joining(", "));
			}
			return messages.getMessage("term." + value, null, String.valueOf(value), locale);
		}

	}

}
