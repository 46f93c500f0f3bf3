package pe.gob.munlima.convoca.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.crawl.SourceHealth;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.match.NewMatchSignal;
import pe.gob.munlima.convoca.programme.Programmes;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.tracking.Applications;
import pe.gob.munlima.convoca.tracking.OverdueTask;

import org.springframework.stereotype.Component;

/** Gathers the facts of a digest from the modules that own them. */
@Component
class DigestBuilder {

	private final MatchFeed matches;

	private final Calls calls;

	private final Projects projects;

	private final CallChanges changes;

	private final AlertMatches known;

	private final SourceHealth sources;

	private final AlertProperties properties;

	private final Applications applications;

	private final NewMatchSignal signal;

	private final Programmes programmes;

	DigestBuilder(MatchFeed matches, Calls calls, Projects projects, CallChanges changes, AlertMatches known,
			SourceHealth sources, AlertProperties properties, Applications applications, NewMatchSignal signal,
			Programmes programmes) {
		this.programmes = programmes;
		this.applications = applications;
		this.signal = signal;
		this.matches = matches;
		this.calls = calls;
		this.projects = projects;
		this.changes = changes;
		this.known = known;
		this.sources = sources;
		this.properties = properties;
	}

	/**
	 * @param from the end of the previous digest's window (null for the first digest)
	 * @param to now
	 */
	DigestData collect(String period, Instant from, Instant to) {
		Map<Long, GerenciaProfile> gerencias = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(GerenciaProfile::id, Function.identity()));
		Map<Long, ProjectProfile> portfolio = this.projects.active()
			.stream()
			.collect(Collectors.toMap(ProjectProfile::id, Function.identity()));
		Map<Long, CallView> calls = new HashMap<>();
		// A pair its gerencia answered "no aplica" is not repeated (match module's rule).
		Set<Long> dismissed = this.matches.dismissed();
		List<MatchedCall> fitting = this.matches.fitting()
			.stream()
			.filter(match -> !dismissed.contains(match.matchId()))
			.toList();
		Map<Long, Set<String>> fits = new HashMap<>();
		for (MatchedCall match : fitting) {
			String code = match.projectId() != null
					? (portfolio.containsKey(match.projectId()) ? portfolio.get(match.projectId()).gerencia().code()
							: null)
					: (gerencias.containsKey(match.gerenciaId()) ? gerencias.get(match.gerenciaId()).code() : null);
			if (code != null) {
				fits.computeIfAbsent(match.callId(), id -> new HashSet<>()).add(code);
			}
		}
		// New: what fits and no digest announced yet (the alerts' own record).
		Set<Long> announced = this.known.announced(fitting.stream().map(MatchedCall::matchId).toList());
		List<MatchedCall> unannounced = fitting.stream()
			.filter(match -> !announced.contains(match.matchId()))
			.filter(match -> match.projectId() == null || portfolio.containsKey(match.projectId()))
			.filter(match -> open(call(calls, match.callId()), to))
			.toList();
		List<MatchedCall> newMatches = unannounced.stream().filter(match -> match.projectId() != null).toList();
		List<MatchedCall> withoutProject = unannounced.stream().filter(match -> match.projectId() == null).toList();
		Instant horizon = to.plus(Duration.ofDays(this.properties.digest().closingDays()));
		List<CallView> closing = fits.keySet()
			.stream()
			.map(id -> call(calls, id))
			.filter(call -> call != null && call.deadline() != null && !call.deadline().isBefore(to)
					&& !call.deadline().isAfter(horizon))
			.sorted(Comparator.comparing(CallView::deadline).thenComparing(CallView::id))
			.toList();
		List<CallEvent> changed = new ArrayList<>(latestPerCall(this.changes.changesBetween(from, to)
			.stream()
			.filter(event -> fits.containsKey(event.callId()))
			.map(event -> relevant(event))
			.filter(event -> !event.changes().isEmpty())
			.toList()));
		changed.forEach(event -> call(calls, event.callId()));
		return new DigestData(period, from, to, newMatches, withoutProject, closing, changed, this.sources.failing(),
				overdue(to), calls, portfolio, gerencias, fits, this.signal.select(unannounced),
				this.programmes.soon().stream().filter(window -> !window.projects().isEmpty()).toList());
	}

	/**
	 * Overdue checklist tasks of applications whose call is still open to apply: once the
	 * deadline passed, a missing letter is no longer a task but a lost call.
	 */
	private List<OverdueTask> overdue(Instant now) {
		return this.applications.overdueTasks(MailFormat.SPANISH)
			.stream()
			.filter(task -> task.deadline() == null || !task.deadline().isBefore(now))
			.toList();
	}

	/** Only the fields people follow (deadline, amounts, eligibility, status). */
	CallEvent relevant(CallEvent event) {
		List<String> fields = this.properties.changes().fields();
		return new CallEvent(event.id(), event.callId(), event.kind(),
				event.changes().stream().filter(change -> fields.contains(change.field())).toList(),
				event.recordedAt());
	}

	/**
	 * Several changes of one call in a week are said once per field: from the first value
	 * to the last.
	 */
	private static List<CallEvent> latestPerCall(List<CallEvent> events) {
		Map<Long, CallEvent> merged = new LinkedHashMap<>();
		for (CallEvent event : events) {
			merged.merge(event.callId(), event, (first, later) -> {
				Map<String, pe.gob.munlima.convoca.call.FieldChange> byField = new LinkedHashMap<>();
				first.changes().forEach(change -> byField.put(change.field(), change));
				later.changes()
					.forEach(change -> byField.merge(change.field(), change,
							(old, now) -> new pe.gob.munlima.convoca.call.FieldChange(old.field(), old.before(),
									now.after())));
				return new CallEvent(later.id(), later.callId(), later.kind(), List.copyOf(byField.values()),
						later.recordedAt());
			});
		}
		return List.copyOf(merged.values());
	}

	private CallView call(Map<Long, CallView> cache, long id) {
		return cache.computeIfAbsent(id, key -> this.calls.find(key).orElse(null));
	}

	/** A call already closed is no news to apply to. */
	private static boolean open(CallView call, Instant now) {
		return call != null && !"CLOSED".equals(call.status())
				&& (call.deadline() == null || !call.deadline().isBefore(now));
	}

}
