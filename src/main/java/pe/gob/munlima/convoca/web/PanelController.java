package pe.gob.munlima.convoca.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pe.gob.munlima.convoca.alert.DigestHistory;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.crawl.CrawlActivity;
import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.NewMatchSignal;
import pe.gob.munlima.convoca.match.ReviewQueue;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Panel, the first page after logging in: what is new and what is urgent. New matches
 * of the last seven days (a week, whatever day it is read on) grouped by call, best fit
 * first, each doubt about a call's own facts said once at the call, and only the pairs
 * whose subject fits the call (the rest behind "ver todas",
 * {@code /coincidencias-nuevas}); calls closing in the next 30 days, the portfolio's
 * size, each source's state, the last crawl and the last weekly digest.
 */
@Controller
class PanelController {

	static final Duration SOON = Duration.ofDays(30);

	static final Duration WEEK = Duration.ofDays(7);

	static final int DEADLINES_SHOWN = 8;

	/** Calls on the Panel; the others are behind "ver todas". */
	static final int NEW_CALLS_SHOWN = 8;

	/** Calls per page of "ver todas". */
	static final int CALLS_PER_PAGE = 25;

	private final Calls calls;

	private final Projects projects;

	private final Matches matches;

	private final NewMatchSignal signal;

	private final CrawlActivity crawling;

	private final DigestHistory digests;

	private final Clock clock;

	private final ReviewQueue review;

	private final AccessControl access;

	PanelController(Calls calls, Projects projects, Matches matches, NewMatchSignal signal, CrawlActivity crawling,
			DigestHistory digests, Clock clock, ReviewQueue review, AccessControl access) {
		this.review = review;
		this.access = access;
		this.digests = digests;
		this.calls = calls;
		this.projects = projects;
		this.matches = matches;
		this.signal = signal;
		this.crawling = crawling;
		this.clock = clock;
	}

	@GetMapping("/")
	String panel(Model model, Locale locale) {
		Instant now = this.clock.instant();
		NewMatchSignal.Selection week = this.signal.since(now.minus(WEEK));
		List<CallView> closing = this.calls.closingBetween(now, now.plus(SOON), DEADLINES_SHOWN);
		List<NewMatchSignal.CallGroup> fitting = week.calls();
		model.addAttribute("panel",
				new Panel(this.calls.countOpen(now), week.shownCount(), week.total(), fitting.size(),
						fitting.stream().limit(NEW_CALLS_SHOWN).map(group -> newCall(group, true, locale)).toList(),
						closing, this.projects.active().size(), this.projects.gerencias().size(),
						this.crawling.sourceStates(), this.crawling.lastRun().orElse(null),
						this.digests.last().orElse(null)));
		// Doubts about calls are counted once per call and fact, not once per project,
		// and only for the office, who settles them (the card is theirs alone).
		if (this.access.currentUser().map(user -> user.has(Role.SUBGERENCIA)).orElse(false)) {
			model.addAttribute("doubts", this.review.summary());
		}
		return "panel";
	}

	/**
	 * "Ver todas": every new match of the week, shown or not, grouped by call, a page of
	 * calls at a time.
	 */
	@GetMapping("/coincidencias-nuevas")
	String all(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		NewMatchSignal.Selection week = this.signal.since(this.clock.instant().minus(WEEK));
		int pages = Math.max(1, (week.all().size() + CALLS_PER_PAGE - 1) / CALLS_PER_PAGE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		model.addAttribute("all",
				new AllNewMatches(week.total(), week.shownCount(), week.all().size(), current, pages,
						week.all()
							.stream()
							.skip((long) current * CALLS_PER_PAGE)
							.limit(CALLS_PER_PAGE)
							.map(group -> newCall(group, false, locale))
							.toList()));
		return "new-matches";
	}

	private NewCall newCall(NewMatchSignal.CallGroup group, boolean shownOnly, Locale locale) {
		List<NewMatchSignal.Pair> pairs = shownOnly ? group.shown() : group.pairs();
		List<NewPair> lines = pairs.stream()
			.limit(shownOnly ? this.signal.pairsPerCall() : Integer.MAX_VALUE)
			.map(pair -> new NewPair(pair.projectId(), pair.subject(), pair.gerencia(), pair.match().verdict().name(),
					pair.onlyCallDoubts(),
					pair.reasons().stream().map(r -> this.matches.render(r, locale).message()).toList(), pair.shown()))
			.toList();
		CallView call = group.call();
		return new NewCall(call.id(), call.title(), call.funder(), call.deadline(), group.verdict().name(),
				group.doubts().stream().map(r -> this.matches.render(r, locale).message()).toList(), lines,
				pairs.size() - lines.size(), group.hidden());
	}

	/**
	 * @param newMatchCount the week's new pairs shown: the subject fits the call
	 * @param newMatchTotal every new pair of the week (ELIGIBLE or NEEDS_REVIEW), shown
	 * or not
	 * @param newCallCount calls with a pair shown
	 * @param newCalls the best of them, best fit first
	 * @param closingSoon open calls whose deadline falls in the next 30 days, nearest
	 * first
	 * @param sources each source's state: UP, DOWN (three failed runs) or NEVER_RUN
	 * @param lastCrawl the last run of any source, or null before the first
	 * @param lastDigest the last weekly digest, or null before the first
	 */
	public record Panel(long openCalls, long newMatchCount, long newMatchTotal, int newCallCount,
			List<NewCall> newCalls, List<CallView> closingSoon, int activeProjects, int gerencias,
			Map<String, String> sources, CrawlActivity.LastRun lastCrawl, DigestHistory.LastDigest lastDigest) {

		public long sourcesDown() {
			return this.sources.values().stream().filter("DOWN"::equals).count();
		}

	}

	/**
	 * A call with new pairs, as the Panel and "ver todas" show it.
	 *
	 * @param verdict the best verdict of its (shown) pairs
	 * @param doubts the doubts about the call's own facts, said once, in the reader's
	 * language
	 * @param pairs the pairs listed
	 * @param more pairs of the call not listed here (the call's page has them)
	 * @param hidden pairs whose subject does not fit the call
	 */
	public record NewCall(long callId, String title, String funder, Instant deadline, String verdict,
			List<String> doubts, List<NewPair> pairs, int more, int hidden) {
	}

	/**
	 * @param projectId null for a gerencia's own match
	 * @param onlyCallDoubts NEEDS_REVIEW because of the call's doubts alone
	 * @param reasons what stands in the way for this project, the call's doubts left out
	 * @param shown whether its subject fits the call
	 */
	public record NewPair(Long projectId, String subject, String gerencia, String verdict, boolean onlyCallDoubts,
			List<String> reasons, boolean shown) {
	}

	public record AllNewMatches(int total, int shown, int callCount, int page, int pages, List<NewCall> calls) {
	}

}
