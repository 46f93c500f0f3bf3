package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;
import pe.gob.munlima.convoca.rules.Verdict;

import org.springframework.stereotype.Service;

/**
 * New matches as the Panel and the weekly digest tell them: grouped by call, the calls
 * ranked by fit (best verdict, then relevance score, then nearest deadline), a doubt
 * about the call's own facts said once at the call instead of once per project, and a
 * pair shown on a line of its own only when every {@link NewMatchFilter} agrees (the
 * {@link RelevanceFloor} first). Nothing is dropped: the pairs not shown stay counted and
 * listed behind "ver todas".
 */
@Service
public class NewMatchSignal {

	private static final Comparator<Pair> BY_FIT = Comparator
		.comparing((Pair pair) -> pair.match().verdict() == Verdict.ELIGIBLE ? 0 : 1)
		.thenComparing(pair -> -pair.match().score())
		.thenComparing(Pair::subject)
		.thenComparingLong(pair -> pair.match().matchId());

	private final MatchFeed feed;

	private final Calls calls;

	private final Projects projects;

	private final List<NewMatchFilter> filters;

	private final SignalProperties properties;

	NewMatchSignal(MatchFeed feed, Calls calls, Projects projects, List<NewMatchFilter> filters,
			SignalProperties properties) {
		this.feed = feed;
		this.calls = calls;
		this.projects = projects;
		this.filters = List.copyOf(filters);
		this.properties = properties;
	}

	/**
	 * How many projects (or gerencias) the Panel and the digest list under one call; the
	 * call's page lists them all.
	 */
	public int pairsPerCall() {
		return this.properties.pairsPerCall();
	}

	/**
	 * The matches first found since a moment (ELIGIBLE or NEEDS_REVIEW), for the Panel.
	 */
	public Selection since(Instant since) {
		return select(this.feed.firstSeenSince(since));
	}

	/**
	 * Groups and sorts these new matches (ELIGIBLE or NEEDS_REVIEW; a NOT_ELIGIBLE one is
	 * no news and is left out) and marks which are shown.
	 */
	public Selection select(List<MatchedCall> matches) {
		Map<Long, ProjectProfile> portfolio = this.projects.active()
			.stream()
			.collect(Collectors.toMap(ProjectProfile::id, Function.identity()));
		Map<Long, GerenciaProfile> gerencias = this.projects.gerencias()
			.stream()
			.collect(Collectors.toMap(GerenciaProfile::id, Function.identity()));
		Set<Long> callIds = new HashSet<>();
		matches.forEach(match -> callIds.add(match.callId()));
		Map<Long, CallView> found = this.calls.findAll(callIds);
		List<Candidate> candidates = new ArrayList<>();
		for (MatchedCall match : matches) {
			CallView call = found.get(match.callId());
			ProjectProfile project = match.projectId() == null ? null : portfolio.get(match.projectId());
			GerenciaProfile gerencia = project != null ? project.gerencia()
					: match.projectId() == null ? gerencias.get(match.gerenciaId()) : null;
			if (call != null && gerencia != null && match.fits()) {
				candidates.add(new Candidate(match, call, project, gerencia));
			}
		}
		return group(candidates, this.filters.stream().map(NewMatchFilter::forSelection).toList(), this.properties);
	}

	/** The grouping and ranking, apart from the database (unit-tested). */
	static Selection group(List<Candidate> candidates, List<NewMatchFilter> filters, SignalProperties properties) {
		Map<Long, List<Candidate>> byCall = new LinkedHashMap<>();
		candidates.forEach(c -> byCall.computeIfAbsent(c.call().id(), id -> new ArrayList<>()).add(c));
		List<CallGroup> groups = new ArrayList<>();
		byCall.forEach((callId, ofCall) -> {
			Map<String, Reason> doubts = new LinkedHashMap<>();
			List<Pair> pairs = new ArrayList<>();
			for (Candidate candidate : ofCall) {
				List<Reason> own = new ArrayList<>();
				for (Reason reason : candidate.match().reasons()) {
					if (reason.severity() == Severity.PASS) {
						continue;
					}
					if (reason.severity() == Severity.NEEDS_REVIEW && properties.isCallDoubt(reason.ruleId())) {
						doubts.putIfAbsent(reason.ruleId(), reason);
					}
					else {
						own.add(reason);
					}
				}
				boolean shown = filters.stream().allMatch(filter -> filter.shows(candidate));
				pairs.add(new Pair(candidate.match(), candidate.project() == null ? null : candidate.project().id(),
						candidate.project() == null ? candidate.gerencia().name() : candidate.project().title(),
						candidate.project() == null ? null : candidate.project().code(), candidate.gerencia().code(),
						List.copyOf(own), shown));
			}
			pairs.sort(BY_FIT);
			groups.add(new CallGroup(ofCall.get(0).call(), List.copyOf(doubts.values()), List.copyOf(pairs)));
		});
		groups.sort(CallGroup.BY_FIT);
		return new Selection(List.copyOf(groups));
	}

	/**
	 * A new match with what a filter needs to decide.
	 *
	 * @param project the project judged, or null for a gerencia's own match
	 * @param gerencia the project's gerencia, or the gerencia judged
	 */
	public record Candidate(MatchedCall match, CallView call, ProjectProfile project, GerenciaProfile gerencia) {

		/**
		 * The themes judged against the call: the project's, or the gerencia's
		 * competences.
		 */
		public List<String> subjectThemes() {
			return this.project != null ? this.project.themes() : this.gerencia.competences();
		}

		/** Whether the call states a theme of the subject. */
		public boolean sharesTheme() {
			List<String> themes = this.call.themes();
			return themes != null && themes.stream().anyMatch(subjectThemes()::contains);
		}

	}

	/**
	 * One project (or gerencia) paired with a call.
	 *
	 * @param projectId null for a gerencia's own match (a call that fits it and none of
	 * its projects)
	 * @param subject the project's title or the gerencia's name
	 * @param projectCode null for a gerencia's own match
	 * @param gerencia the gerencia's code
	 * @param reasons what stands in the way for this project: its non-passing reasons
	 * less the call's doubts, said once at the call
	 * @param shown whether every filter shows it on a line of its own
	 */
	public record Pair(MatchedCall match, Long projectId, String subject, String projectCode, String gerencia,
			List<Reason> reasons, boolean shown) {

		/** NEEDS_REVIEW only because of the call's doubts: settle them and it fits. */
		public boolean onlyCallDoubts() {
			return this.match.verdict() == Verdict.NEEDS_REVIEW && this.reasons.isEmpty();
		}

	}

	/**
	 * A call with its new pairs.
	 *
	 * @param doubts the doubts about the call's own facts, once each (the first pair's
	 * finding of each rule)
	 * @param pairs every new pair of the call, best fit first; {@link #shown()} those
	 * with a line of their own
	 */
	public record CallGroup(CallView call, List<Reason> doubts, List<Pair> pairs) {

		static final Comparator<CallGroup> BY_FIT = Comparator.comparing(
				(CallGroup group) -> group.best().map(p -> p.match().verdict() == Verdict.ELIGIBLE ? 0 : 1).orElse(2))
			.thenComparing(group -> -group.best().map(p -> p.match().score()).orElse(0f))
			.thenComparing(group -> group.call().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(group -> group.call().id());

		public List<Pair> shown() {
			return this.pairs.stream().filter(Pair::shown).toList();
		}

		/** The best shown pair, or the best of all when none is shown. */
		public java.util.Optional<Pair> best() {
			return this.pairs.stream().filter(Pair::shown).findFirst().or(() -> this.pairs.stream().findFirst());
		}

		public int hidden() {
			return this.pairs.size() - shown().size();
		}

		/** The best verdict among the shown pairs (among all when none is shown). */
		public Verdict verdict() {
			return best().map(pair -> pair.match().verdict()).orElse(Verdict.NEEDS_REVIEW);
		}

		CallGroup narrowedTo(Predicate<Pair> keep) {
			return new CallGroup(this.call, this.doubts, this.pairs.stream().filter(keep).toList());
		}

	}

	/**
	 * New matches grouped by call, best fit first.
	 *
	 * @param all every call with a new pair, shown or not ("ver todas")
	 */
	public record Selection(List<CallGroup> all) {

		public static final Selection EMPTY = new Selection(List.of());

		/** The calls with at least one pair shown: the Panel's and the digest's lines. */
		public List<CallGroup> calls() {
			return this.all.stream().filter(group -> !group.shown().isEmpty()).toList();
		}

		/** Every new pair, shown or not: what was counted before issue 17. */
		public int total() {
			return this.all.stream().mapToInt(group -> group.pairs().size()).sum();
		}

		/** The pairs shown: their subject fits the call. */
		public int shownCount() {
			return this.all.stream().mapToInt(group -> group.shown().size()).sum();
		}

		public int hiddenCount() {
			return total() - shownCount();
		}

		public boolean isEmpty() {
			return this.all.isEmpty();
		}

		/** The part one gerencia reads (by code); null keeps everything. */
		public Selection narrowedTo(String gerencia) {
			if (gerencia == null) {
				return this;
			}
			return new Selection(this.all.stream()
				.map(group -> group.narrowedTo(pair -> gerencia.equals(pair.gerencia())))
				.filter(group -> !group.pairs().isEmpty())
				.toList());
		}

		/** Whether this pair is shown (a call and a project or gerencia). */
		public boolean shows(long callId, Long projectId, Long gerenciaId) {
			return this.all.stream()
				.filter(group -> group.call().id() == callId)
				.flatMap(group -> group.shown().stream())
				.anyMatch(pair -> projectId != null ? projectId.equals(pair.projectId()) : pair.projectId() == null
						&& gerenciaId != null && gerenciaId.equals(pair.match().gerenciaId()));
		}

	}

}
