package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.AnswerStore.AnswerRow;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Verdict;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;
import pe.gob.munlima.convoca.security.UserProfile;
import pe.gob.munlima.convoca.validation.PlainText;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gerencias' answers to their matches: "nos interesa" or "no aplica", with a reason
 * of the list kept as data and a note. A project owner answers only for its own
 * gerencia's projects (403 otherwise); the subgerencia and administrators for any. The
 * API and the pages both answer through here, so they cannot differ. The subgerencia's
 * overview lists, per open call and per gerencia, who answered what and who has not.
 */
@Service
@Transactional
class AnswerService {

	static final int NOTE_MAX = 2000;

	private final MatchRepository matches;

	private final AnswerStore store;

	private final AnswerProperties properties;

	private final Projects projects;

	private final Calls calls;

	private final AccessControl access;

	private final ReasonRenderer renderer;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AnswerService(MatchRepository matches, AnswerStore store, AnswerProperties properties, Projects projects,
			Calls calls, AccessControl access, ReasonRenderer renderer, MessageSource messages,
			ApplicationEventPublisher events, Clock clock) {
		this.matches = matches;
		this.store = store;
		this.properties = properties;
		this.projects = projects;
		this.calls = calls;
		this.access = access;
		this.renderer = renderer;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the current user's answer to a match (appended: an earlier answer stays in
	 * the history) and publishes {@link MatchAnswered}.
	 */
	AnswerView answer(long matchId, AnswerForm form, Locale locale) {
		Match match = projectMatch(matchId);
		ProjectProfile project = this.projects.find(match.getProjectId()).orElseThrow();
		this.access.checkActFor(project.gerencia().code());
		Answer answer = Answer.parse(form.answer())
			.orElseThrow(() -> new AnswerRefusedException(HttpStatus.BAD_REQUEST, "unknownAnswer",
					form.answer() == null ? "" : form.answer().strip(), answerLabels()));
		AnswerProperties.Reason reason = reason(answer, form.reason());
		String note = note(form.note());
		if (reason.noteRequired() && note == null) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "noteRequired",
					reasonLabel(reason.code()));
		}
		boolean start = Boolean.TRUE.equals(form.startApplication());
		if (start && answer != Answer.INTERESTED) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "startOnlyIfInterested");
		}
		String actor = this.access.actor();
		Instant now = this.clock.instant();
		AnswerRow row = this.store.append(match.getCallId(), project.id(), answer, reason.code(), note,
				Verdict.valueOf(match.getVerdict()), actor, now);
		this.events.publishEvent(new MatchAnswered(matchId, match.getCallId(), project.id(), project.gerencia().code(),
				answer, reason.code(), note, start, actor, now));
		return view(matchId, row, Verdict.valueOf(match.getVerdict()), locale);
	}

	/** Every answer of the match's pair, oldest first. */
	@Transactional(readOnly = true)
	List<AnswerView> history(long matchId, Locale locale) {
		Match match = projectMatch(matchId);
		Verdict now = Verdict.valueOf(match.getVerdict());
		return this.store.history(match.getCallId(), match.getProjectId())
			.stream()
			.map(row -> view(matchId, row, now, locale))
			.toList();
	}

	/** The answer that holds for a match, if any. */
	@Transactional(readOnly = true)
	Optional<AnswerView> latest(long matchId, Locale locale) {
		Match match = projectMatch(matchId);
		return this.store.latest(match.getCallId(), match.getProjectId())
			.map(row -> view(matchId, row, Verdict.valueOf(match.getVerdict()), locale));
	}

	/** The answers shown beside a project's matches, by match id. */
	@Transactional(readOnly = true)
	Map<Long, AnswerView> ofProject(long projectId, List<MatchViews.MatchView> shown, Locale locale) {
		Map<Long, AnswerRow> latest = this.store.latestOfProject(projectId);
		Map<Long, AnswerView> views = new LinkedHashMap<>();
		for (MatchViews.MatchView match : shown) {
			AnswerRow row = latest.get(match.callId());
			if (row != null) {
				views.put(match.matchId(), view(match.matchId(), row, Verdict.valueOf(match.verdict()), locale));
			}
		}
		return views;
	}

	/** The answers shown beside a call's project verdicts, by match id. */
	@Transactional(readOnly = true)
	Map<Long, AnswerView> ofCall(long callId, List<MatchViews.MatchView> shown, Locale locale) {
		Map<Long, AnswerRow> latest = this.store.latestOfCall(callId);
		Map<Long, AnswerView> views = new LinkedHashMap<>();
		for (MatchViews.MatchView match : shown) {
			AnswerRow row = match.projectId() == null ? null : latest.get(match.projectId());
			if (row != null) {
				views.put(match.matchId(), view(match.matchId(), row, Verdict.valueOf(match.verdict()), locale));
			}
		}
		return views;
	}

	/**
	 * Whether the current user may answer for the gerencia (the forms show only then).
	 */
	boolean mayAnswerFor(String gerenciaCode) {
		return this.access.mayActFor(gerenciaCode);
	}

	/** The reasons of the list, in the order kept, with their labels. */
	List<ReasonOption> reasons(Locale locale) {
		return this.properties.reasons()
			.stream()
			.map(reason -> new ReasonOption(reason.code(), reason.answer(),
					this.messages.getMessage(reasonLabel(reason.code()), locale), reason.noteRequired()))
			.toList();
	}

	/**
	 * Per call and per gerencia, who answered what and who has not: the project matches a
	 * gerencia can act on (ELIGIBLE, NEEDS_REVIEW) and every answered one, of the open
	 * calls (or of the one call asked for, open or not). The subgerencia and
	 * administrators see every gerencia; a project owner only its own (another one: 403).
	 * @param callId one call only; every open call when null
	 * @param gerencia one gerencia only (its code); every one when null
	 * @param pendingOnly only the matches nobody answered
	 */
	@Transactional(readOnly = true)
	Overview overview(Long callId, String gerencia, boolean pendingOnly, Locale locale) {
		UserProfile user = this.access.requireUser();
		String wanted = gerencia == null || gerencia.isBlank() ? null : gerencia.strip().toUpperCase(Locale.ROOT);
		if (!user.has(Role.SUBGERENCIA)) {
			if (wanted == null) {
				wanted = user.gerencia();
			}
			this.access.checkActFor(wanted);
		}
		Instant now = this.clock.instant();
		List<AnswerStore.Expected> expected = this.store.expected(callId);
		Map<Long, CallView> calls = this.calls
			.findAll(expected.stream().map(AnswerStore.Expected::callId).distinct().toList());
		Map<Long, ProjectProfile> portfolio = this.projects.active()
			.stream()
			.collect(Collectors.toMap(ProjectProfile::id, Function.identity()));
		Map<AnswerStore.Pair, AnswerRow> latest = this.store.latestOfAll();
		Map<Long, Map<String, List<ProjectAnswer>>> byCall = new LinkedHashMap<>();
		for (AnswerStore.Expected match : expected) {
			CallView call = calls.get(match.callId());
			ProjectProfile project = portfolio.get(match.projectId());
			if (call == null || project == null || (callId == null && !open(call, now))
					|| (wanted != null && !wanted.equals(project.gerencia().code()))) {
				continue;
			}
			AnswerRow row = latest.get(new AnswerStore.Pair(match.callId(), match.projectId()));
			if (pendingOnly && row != null) {
				continue;
			}
			Verdict verdict = match.verdict();
			byCall.computeIfAbsent(call.id(), id -> new java.util.TreeMap<>())
				.computeIfAbsent(project.gerencia().code(), code -> new ArrayList<>())
				.add(new ProjectAnswer(match.matchId(), project.id(), project.code(), project.title(), verdict.name(),
						this.renderer.verdict(verdict.name(), locale),
						row == null ? null : view(match.matchId(), row, verdict, locale)));
		}
		Map<String, String> names = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(g -> g.code(), g -> g.name()));
		List<CallAnswers> result = new ArrayList<>();
		for (Map.Entry<Long, Map<String, List<ProjectAnswer>>> entry : byCall.entrySet()) {
			CallView call = calls.get(entry.getKey());
			List<GerenciaAnswers> gerencias = entry.getValue()
				.entrySet()
				.stream()
				.map(g -> new GerenciaAnswers(g.getKey(), names.get(g.getKey()), g.getValue(), Counts.of(g.getValue())))
				.toList();
			result.add(new CallAnswers(call.id(), call.title(), call.funder(), call.deadline(), gerencias,
					Counts.of(gerencias.stream().flatMap(g -> g.projects().stream()).toList())));
		}
		// Nearest deadline first: those are the answers the office must chase today.
		result
			.sort(Comparator.comparing(CallAnswers::deadline, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
				.thenComparing(CallAnswers::callId));
		return new Overview(result, Counts
			.of(result.stream().flatMap(c -> c.gerencias().stream()).flatMap(g -> g.projects().stream()).toList()));
	}

	private Match projectMatch(long matchId) {
		Match match = this.matches.findById(matchId)
			.orElseThrow(() -> new AnswerRefusedException(HttpStatus.NOT_FOUND, "notFound", String.valueOf(matchId)));
		if (match.getProjectId() == null) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "gerenciaMatch",
					String.valueOf(matchId));
		}
		return match;
	}

	private AnswerProperties.Reason reason(Answer answer, String code) {
		List<Object> allowed = this.properties.of(answer)
			.stream()
			.<Object>map(reason -> reasonLabel(reason.code()))
			.toList();
		if (code == null || code.isBlank()) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "reasonRequired", allowed);
		}
		AnswerProperties.Reason reason = this.properties.reason(code)
			.orElseThrow(() -> new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownReason",
					code.strip(), allowed));
		if (reason.answer() != answer) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "reasonOfOtherAnswer",
					reasonLabel(reason.code()), answerLabel(answer), allowed);
		}
		return reason;
	}

	private static String note(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String stripped = note.strip();
		if (stripped.length() > NOTE_MAX) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "noteTooLong", NOTE_MAX);
		}
		// The pages post without bean validation: the same rule as the API's @PlainText.
		if (!PlainText.Validator.isPlain(stripped, true)) {
			throw new AnswerRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "noteNotPlain");
		}
		return stripped;
	}

	private AnswerView view(long matchId, AnswerRow row, Verdict now, Locale locale) {
		return new AnswerView(matchId, row.callId(), row.projectId(), row.answer(),
				this.messages.getMessage(answerLabel(row.answer()), locale), row.reason(),
				this.messages.getMessage(reasonLabel(row.reason()), locale), row.note(), row.verdict().name(),
				this.renderer.verdict(row.verdict().name(), locale), row.verdict() == now, row.dismisses(now),
				row.answeredBy(), row.answeredAt());
	}

	private List<Object> answerLabels() {
		return java.util.Arrays.stream(Answer.values()).<Object>map(AnswerService::answerLabel).toList();
	}

	private static DefaultMessageSourceResolvable answerLabel(Answer answer) {
		return new DefaultMessageSourceResolvable(new String[] { "answer." + answer.name() }, answer.name());
	}

	/** A reason's label; a code removed from the list since shows as itself. */
	private static DefaultMessageSourceResolvable reasonLabel(String code) {
		return new DefaultMessageSourceResolvable(new String[] { "answer.reason." + code }, code);
	}

	private static boolean open(CallView call, Instant now) {
		return !"CLOSED".equals(call.status()) && (call.deadline() == null || !call.deadline().isBefore(now));
	}

	/**
	 * An answer as the API and the pages show it.
	 *
	 * @param verdict the match's verdict when the answer was given
	 * @param current true while the match still has that verdict; otherwise the gerencia
	 * answered an earlier verdict and may want to answer again
	 * @param dismissed true for a "no aplica" that keeps the pair out of the digest and
	 * the Panel's new matches (while the verdict is the one answered)
	 */
	record AnswerView(long matchId, long callId, long projectId, Answer answer, String answerLabel, String reason,
			String reasonLabel, String note, String verdict, String verdictLabel, boolean current, boolean dismissed,
			String answeredBy, Instant answeredAt) {
	}

	/** A reason of the list: the answer it goes with, and whether it needs a note. */
	record ReasonOption(String code, Answer answer, String label, boolean noteRequired) {
	}

	record Overview(List<CallAnswers> calls, Counts totals) {
	}

	record CallAnswers(long callId, String callTitle, String funder, Instant deadline, List<GerenciaAnswers> gerencias,
			Counts counts) {
	}

	record GerenciaAnswers(String code, String name, List<ProjectAnswer> projects, Counts counts) {
	}

	/**
	 * @param answer the answer that holds; null while the gerencia has not answered
	 */
	record ProjectAnswer(long matchId, long projectId, String projectCode, String projectTitle, String verdict,
			String verdictLabel, AnswerView answer) {
	}

	/** How many matches are answered "nos interesa", "no aplica", or not yet. */
	record Counts(int interested, int notApplicable, int pending) {

		static Counts of(List<ProjectAnswer> answers) {
			int interested = 0;
			int notApplicable = 0;
			int pending = 0;
			for (ProjectAnswer answer : answers) {
				if (answer.answer() == null) {
					pending++;
				}
				else if (answer.answer().answer() == Answer.INTERESTED) {
					interested++;
				}
				else {
					notApplicable++;
				}
			}
			return new Counts(interested, notApplicable, pending);
		}

	}

}
