package pe.gob.munlima.convoca.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.Projects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Panel, the first page after logging in: how many calls are open, which close in the
 * next 30 days, the portfolio's size and each source's state. A first version the
 * dashboard of issue 7 grows from (new matches this week, last crawl, last digest).
 */
@Controller
class PanelController {

	static final Duration SOON = Duration.ofDays(30);

	static final int DEADLINES_SHOWN = 8;

	private final Calls calls;

	private final Projects projects;

	private final ObjectProvider<HealthIndicator> sources;

	private final Clock clock;

	/**
	 * @param sources the crawl module's health indicator, read by its bean name so that
	 * the shell does not depend on the crawl module's internals
	 */
	PanelController(Calls calls, Projects projects, @Qualifier("sources") ObjectProvider<HealthIndicator> sources,
			Clock clock) {
		this.calls = calls;
		this.projects = projects;
		this.sources = sources;
		this.clock = clock;
	}

	@GetMapping("/")
	String panel(Model model) {
		Instant now = this.clock.instant();
		List<CallView> closing = this.calls.closingBetween(now, now.plus(SOON), DEADLINES_SHOWN);
		model.addAttribute("panel", new Panel(this.calls.countOpen(now), closing, this.projects.active().size(),
				this.projects.gerencias().size(), sourceStates()));
		return "panel";
	}

	/** Source id to UP, DOWN or NEVER_RUN, sorted by id. */
	private Map<String, String> sourceStates() {
		HealthIndicator indicator = this.sources.getIfAvailable();
		if (indicator == null) {
			return Map.of();
		}
		Health health = indicator.health();
		Map<String, String> states = new TreeMap<>();
		if (health.getDetails().get("sources") instanceof Map<?, ?> found) {
			found.forEach((id, state) -> states.put(String.valueOf(id), String.valueOf(state)));
		}
		return states;
	}

	/**
	 * @param closingSoon open calls whose deadline falls in the next 30 days, nearest
	 * first
	 * @param sources each source's state: UP, DOWN (three failed runs) or NEVER_RUN
	 */
	public record Panel(long openCalls, List<CallView> closingSoon, int activeProjects, int gerencias,
			Map<String, String> sources) {

		public long sourcesDown() {
			return this.sources.values().stream().filter("DOWN"::equals).count();
		}

	}

}
