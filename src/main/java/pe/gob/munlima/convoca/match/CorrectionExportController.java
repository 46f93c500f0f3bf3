package pe.gob.munlima.convoca.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.call.ChangeMessages;
import pe.gob.munlima.convoca.call.Correction;
import pe.gob.munlima.convoca.call.Corrections;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Severity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the office's corrections teach the reader. A call's corrections export as
 * evaluation cases in the format of the hand-labelled development set (the call's text,
 * each project judged with its verdict after the correction, and the corrected facts
 * beside what Convoca had read), so a correction becomes a test of the next reader; and
 * the corrections counted by criterion and by source show where the reader is weak.
 */
@RestController
class CorrectionExportController {

	private final Corrections corrections;

	private final Calls calls;

	private final Matches matches;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ChangeMessages labels;

	CorrectionExportController(Corrections corrections, Calls calls, Matches matches, Projects projects,
			Eligibility eligibility, ChangeMessages labels) {
		this.corrections = corrections;
		this.calls = calls;
		this.matches = matches;
		this.projects = projects;
		this.eligibility = eligibility;
		this.labels = labels;
	}

	/**
	 * The call as evaluation cases: one per project judged for it, with the verdict it
	 * holds now (after the corrections) as the expected one.
	 */
	@GetMapping("/api/admin/calls/{id}/corrections/evaluation-cases")
	List<EvaluationCase> evaluationCases(@PathVariable long id) {
		CallView call = this.calls.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la convocatoria " + id));
		Map<String, CorrectedFact> corrected = new TreeMap<>();
		List<String> justification = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (Correction c : this.corrections.of(id)) {
			if (c.state() == Correction.State.ACTIVE) {
				corrected.put(c.fact(), new CorrectedFact(c.value(), c.sourceValue(), c.evidence(), c.note(),
						c.author(), c.createdAt().toString()));
				add(justification, c.evidence());
				add(notes, c.note());
			}
		}
		Rules rules = this.eligibility.active();
		List<EvaluationCase> cases = new ArrayList<>();
		for (StoredMatch match : this.matches.ofCalls(List.of(id))) {
			Optional<ProjectProfile> project = match.projectId() == null ? Optional.empty()
					: this.projects.find(match.projectId());
			if (project.isEmpty()) {
				continue;
			}
			Set<String> failingRules = new LinkedHashSet<>();
			Set<String> failingCriteria = new LinkedHashSet<>();
			Set<String> reviewCriteria = new LinkedHashSet<>();
			for (Reason reason : match.reasons()) {
				String criterion = Optional.ofNullable(rules.criterionOf(reason.ruleId())).orElse(reason.ruleId());
				if (reason.severity() == Severity.NOT_ELIGIBLE) {
					failingRules.add(reason.ruleId());
					failingCriteria.add(criterion);
				}
				else if (reason.severity() == Severity.NEEDS_REVIEW) {
					reviewCriteria.add(criterion);
				}
			}
			cases.add(new EvaluationCase("correction-" + id + "-" + project.get().code(), call.funder(), call.title(),
					call.sourceUrl(), call.language(), day(call.publishedAt()), day(call.deadline()), null,
					call.summaryText(), body(project.get()), match.verdict().name(), List.of(match.verdict().name()),
					List.copyOf(failingCriteria), List.copyOf(failingRules), List.copyOf(reviewCriteria),
					String.join(" ", justification), String.join(" ", notes), corrected));
		}
		return cases;
	}

	/** Every correction counted by the fact corrected and by the call's source. */
	@GetMapping("/api/admin/corrections/report")
	Report report(Locale locale) {
		Map<String, Integer> byFact = new TreeMap<>();
		Map<String, Integer> bySource = new TreeMap<>();
		Map<Long, String> sources = new LinkedHashMap<>();
		List<Correction> all = this.corrections.all();
		for (Correction c : all) {
			byFact.merge(c.fact(), 1, Integer::sum);
			String source = sources.computeIfAbsent(c.callId(),
					call -> this.calls.find(call).map(CallView::sourceId).orElse("?"));
			bySource.merge(source, 1, Integer::sum);
		}
		List<Count> facts = byFact.entrySet()
			.stream()
			.map(e -> new Count(e.getKey(), this.labels.label(e.getKey(), locale), e.getValue()))
			.sorted((a, b) -> Integer.compare(b.count(), a.count()))
			.toList();
		List<Count> bySources = bySource.entrySet()
			.stream()
			.map(e -> new Count(e.getKey(), e.getKey(), e.getValue()))
			.sorted((a, b) -> Integer.compare(b.count(), a.count()))
			.toList();
		return new Report(all.size(), facts, bySources);
	}

	private static void add(List<String> texts, String text) {
		if (text != null && !texts.contains(text)) {
			texts.add(text);
		}
	}

	private static String day(java.time.Instant instant) {
		return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneId.of("America/Lima")).toString();
	}

	/**
	 * The project as {@code POST /api/projects} takes it, as the development set has it.
	 */
	private static Map<String, Object> body(ProjectProfile p) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", p.code());
		body.put("gerencia", p.gerencia().code());
		body.put("title", p.title());
		body.put("description", p.description());
		body.put("themes", p.themes());
		body.put("budget", p.budget());
		body.put("requestedAmount", p.requestedAmount());
		body.put("currency", p.currency());
		body.put("coFinancingAvailable", p.coFinancingAvailable());
		body.put("durationMonths", p.durationMonths());
		body.put("partners", p.partners());
		body.put("languages", p.languages());
		return body;
	}

	/**
	 * A case in the development set's format (../shared/evaluation/README.md), plus the
	 * corrected facts.
	 */
	record EvaluationCase(String id, String funder, String title, String url, String language, String publicationDate,
			String deadlineAsOnPage, String shiftedDeadline, String text, Map<String, Object> project,
			String expectedVerdict, List<String> acceptableVerdicts, List<String> failingCriteria,
			List<String> failingRules, List<String> reviewCriteria, String justification, String notes,
			Map<String, CorrectedFact> correctedFacts) {
	}

	/**
	 * @param value what the office says
	 * @param readAs what the sources said (what Convoca read) when the office corrected
	 * it
	 */
	record CorrectedFact(Object value, Object readAs, String evidence, String note, String author, String at) {
	}

	record Report(int corrections, List<Count> byCriterion, List<Count> bySource) {
	}

	record Count(String key, String label, int count) {
	}

}
