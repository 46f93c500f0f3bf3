package pe.gob.munlima.convoca.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import pe.gob.munlima.convoca.notify.SignedTokens;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar feeds. A calendar application cannot log in, so the feed's address carries a
 * signed token for its scope ({@code /calendario/<token>/GMU.ics}, public path
 * {@code /calendario/**}); the API lists the addresses a user may subscribe to.
 */
@RestController
class CalendarController {

	private static final MediaType CALENDAR = new MediaType("text", "calendar",
			java.nio.charset.StandardCharsets.UTF_8);

	private final CalendarFeed feed;

	private final SignedTokens tokens;

	private final Links links;

	private final Projects projects;

	private final AccessControl access;

	CalendarController(CalendarFeed feed, SignedTokens tokens, Links links, Projects projects, AccessControl access) {
		this.feed = feed;
		this.tokens = tokens;
		this.links = links;
		this.projects = projects;
		this.access = access;
	}

	@GetMapping("/calendario/{token}/{scope}.ics")
	ResponseEntity<String> feed(@PathVariable String token, @PathVariable String scope,
			@RequestParam(defaultValue = "es") String lang) {
		if (!this.tokens.verify(token).filter(("ics:" + scope)::equals).isPresent()) {
			throw new AlertRejectedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		String gerencia = DigestScope.OFFICE.equals(scope) ? null : scope;
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header("Content-Disposition", "inline; filename=\"convoca-" + scope + ".ics\"")
			.body(this.feed.render(gerencia, "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("es")));
	}

	/** The feeds the current user may subscribe to: a project owner its gerencia's. */
	@GetMapping("/api/calendar/feeds")
	List<FeedView> feeds() {
		UserProfile user = this.access.requireUser();
		List<FeedView> feeds = new ArrayList<>();
		if (user.has(Role.SUBGERENCIA)) {
			feeds.add(new FeedView(DigestScope.OFFICE, null, this.links.calendar(DigestScope.OFFICE)));
		}
		for (GerenciaProfile gerencia : this.projects.gerencias()) {
			if (user.mayActFor(gerencia.code())) {
				feeds.add(new FeedView(gerencia.code(), gerencia.name(), this.links.calendar(gerencia.code())));
			}
		}
		return feeds;
	}

	record FeedView(String scope, String name, String url) {
	}

}
