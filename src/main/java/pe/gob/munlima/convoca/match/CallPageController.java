package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallVersions;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.call.ChangeMessages;
import pe.gob.munlima.convoca.call.Correction;
import pe.gob.munlima.convoca.call.Corrections;
import pe.gob.munlima.convoca.call.SafeHtml;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
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
 * where it was published, how it changed since first seen, and every project and gerencia
 * judged for it with the verdict and its reasons, and each gerencia's answer ("nos
 * interesa", "no aplica"). It lives here, with the verdicts, because that is what the
 * office opens a call for.
 */
@Controller
class CallPageController {

	private final Calls calls;

	private final CallVersions versions;

	private final ChangeMessages changes;

	private final MatchViews matches;

	private final Projects projects;

	private final Corrections corrections;

	private final AccessControl access;

	private final MessageSource messages;

	private final AnswerService answers;

	private final ObjectProvider<RecurringCalls> recurring;

	CallPageController(Calls calls, CallVersions versions, ChangeMessages changes, MatchViews matches,
			Projects projects, Corrections corrections, AccessControl access, MessageSource messages,
			AnswerService answers, ObjectProvider<RecurringCalls> recurring) {
		this.recurring = recurring;
		this.corrections = corrections;
		this.access = access;
		this.messages = messages;
		this.calls = calls;
		this.versions = versions;
		this.changes = changes;
		this.matches = matches;
		this.projects = projects;
		this.answers = answers;
	}

	@GetMapping("/convocatorias/{id}")
	String call(@PathVariable long id, Locale locale, Model model) {
		CallView call = this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
		List<MatchViews.MatchView> judged = this.matches.ofCall(id, locale);
		List<MatchRow> rows = rows(judged);
		model.addAttribute("call", call);
		// The programme this call is a round of, when another module groups them.
		model.addAttribute("programme",
				this.recurring.orderedStream()
					.flatMap(r -> r.programmeOf(id, locale).stream())
					.findFirst()
					.orElse(null));
		model.addAttribute("summaryHtml", SafeHtml.summary(call.summary()));
		model.addAttribute("matches", rows);
		model.addAttribute("verdictCounts", VerdictGroup.counts(rows.stream().map(row -> row.match().verdict())));
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
		// Each project's answer beside its verdict; the form for the gerencias the user
		// acts for.
		model.addAttribute("answers", this.answers.ofCall(id, judged, locale));
		model.addAttribute("answerableGerencias",
				rows.stream()
					.filter(row -> "project".equals(row.kind()))
					.map(MatchRow::gerencia)
					.filter(this.answers::mayAnswerFor)
					.collect(Collectors.toSet()));
		model.addAttribute("answerReasons", this.answers.reasons(locale));
		return "calls/call";
	}

	/** Each verdict with the project or gerencia it is about, and a link to it. */
	private List<MatchRow> rows(List<MatchViews.MatchView> found) {
		Map<Long, GerenciaProfile> gerencias = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(GerenciaProfile::id, Function.identity()));
		List<MatchRow> rows = new ArrayList<>();
		for (MatchViews.MatchView match : found) {
			if (match.projectId() != null) {
				this.projects.find(match.projectId()).ifPresent(project -> rows.add(MatchRow.of(match, project)));
			}
			else if (gerencias.containsKey(match.gerenciaId())) {
				rows.add(MatchRow.of(match, gerencias.get(match.gerenciaId())));
			}
		}
		return rows;
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
	 * A verdict about a project or a gerencia.
	 *
	 * @param kind {@code project} or {@code gerencia}
	 * @param gerencia the project's gerencia, or the gerencia itself
	 */
	record MatchRow(MatchViews.MatchView match, String kind, String name, String url, String gerencia) {

		static MatchRow of(MatchViews.MatchView match, ProjectProfile project) {
			return new MatchRow(match, "project", project.title(), "/proyectos/" + project.id(),
					project.gerencia().code());
		}

		static MatchRow of(MatchViews.MatchView match, GerenciaProfile gerencia) {
			return new MatchRow(match, "gerencia", gerencia.name(), "/gerencias/" + gerencia.code(), gerencia.code());
		}

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
