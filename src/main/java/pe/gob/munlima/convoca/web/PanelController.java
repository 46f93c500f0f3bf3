package pe.gob.munlima.convoca.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.alert.DigestHistory;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.crawl.CrawlActivity;
import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.ReviewQueue;
import pe.gob.munlima.convoca.project.Projects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Panel, the first page after logging in: what is new and what is urgent. New matches
 * of the last seven days (a week, whatever day it is read on), calls closing in the next
 * 30 days, the portfolio's size, each source's state, the last crawl and the last weekly
 * digest.
 */
@Controller
class PanelController {

	static final Duration SOON = Duration.ofDays(30);

	static final Duration WEEK = Duration.ofDays(7);

	static final int DEADLINES_SHOWN = 8;

	static final int NEW_MATCHES_SHOWN = 10;

	private final Calls calls;

	private final Projects projects;

	private final Matches matches;

	private final CrawlActivity crawling;

	private final DigestHistory digests;

	private final Clock clock;

	private final ReviewQueue review;

	PanelController(Calls calls, Projects projects, Matches matches, CrawlActivity crawling, DigestHistory digests,
			Clock clock, ReviewQueue review) {
		this.review = review;
		this.digests = digests;
		this.calls = calls;
		this.projects = projects;
		this.matches = matches;
		this.crawling = crawling;
		this.clock = clock;
	}

	@GetMapping("/")
	String panel(Model model) {
		Instant now = this.clock.instant();
		Instant weekAgo = now.minus(WEEK);
		List<CallView> closing = this.calls.closingBetween(now, now.plus(SOON), DEADLINES_SHOWN);
		model.addAttribute("panel",
				new Panel(this.calls.countOpen(now), this.matches.countNewSince(weekAgo),
						this.matches.newSince(weekAgo, NEW_MATCHES_SHOWN), closing, this.projects.active().size(),
						this.projects.gerencias().size(), this.crawling.sourceStates(),
						this.crawling.lastRun().orElse(null), this.digests.last().orElse(null)));
		// Doubts about calls are counted once per call and fact, not once per project.
		model.addAttribute("doubts", this.review.summary());
		return "panel";
	}

	/**
	 * @param newMatches the newest of the week's new matches (ELIGIBLE or NEEDS_REVIEW)
	 * @param closingSoon open calls whose deadline falls in the next 30 days, nearest
	 * first
	 * @param sources each source's state: UP, DOWN (three failed runs) or NEVER_RUN
	 * @param lastCrawl the last run of any source, or null before the first
	 * @param lastDigest the last weekly digest, or null before the first
	 */
	public record Panel(long openCalls, long newMatchCount, List<Matches.NewMatch> newMatches,
			List<CallView> closingSoon, int activeProjects, int gerencias, Map<String, String> sources,
			CrawlActivity.LastRun lastCrawl, DigestHistory.LastDigest lastDigest) {

		public long sourcesDown() {
			return this.sources.values().stream().filter("DOWN"::equals).count();
		}

	}

}
