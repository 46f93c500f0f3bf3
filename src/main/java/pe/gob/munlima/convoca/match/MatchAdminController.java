package pe.gob.munlima.convoca.match;

import java.util.Locale;
import java.util.Map;

import pe.gob.munlima.convoca.rules.RuleSetRejectedException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin views of matching: the dry run of draft rules, and re-match progress. */
@RestController
class MatchAdminController {

	private final DryRun dryRun;

	private final Rematcher rematcher;

	MatchAdminController(DryRun dryRun, Rematcher rematcher) {
		this.dryRun = dryRun;
		this.rematcher = rematcher;
	}

	/**
	 * The diff of verdicts the drafts would cause over all open calls and active
	 * projects.
	 */
	@PostMapping("/api/admin/rules/dry-run")
	DryRun.Report dryRun(Locale locale) {
		return this.dryRun.run(locale);
	}

	@ExceptionHandler(RuleSetRejectedException.class)
	ResponseEntity<Map<String, Object>> rejected(RuleSetRejectedException ex) {
		return ResponseEntity.status(422)
			.body(Map.of("message", "El borrador de reglas no pasa la validación.", "errors", ex.errors()));
	}

	/** Starts a re-match of every open call in the background; follow it with GET. */
	@PostMapping("/api/admin/matches/rematch")
	Rematcher.Progress startRematch() {
		return this.rematcher.start();
	}

	@GetMapping("/api/admin/matches/rematch")
	Rematcher.Progress rematch() {
		return this.rematcher.progress();
	}

}
