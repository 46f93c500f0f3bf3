package pe.gob.munlima.convoca.match;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gerencias' answers as an API: answer a (call, project) match "nos interesa" or "no
 * aplica" with a reason of the list, read a match's answers, and the subgerencia's
 * overview of who answered what per call and per gerencia. Refusals are problem+json in
 * the reader's language (400 unknown answer, 403 another gerencia's project, 404 no such
 * match, 422 a reason or note the list refuses).
 */
@RestController
@RequestMapping("/api")
class AnswerController {

	private final AnswerService answers;

	AnswerController(AnswerService answers) {
		this.answers = answers;
	}

	/** The reasons kept as data, each with the answer it goes with. */
	@GetMapping("/answers/reasons")
	List<AnswerService.ReasonOption> reasons(Locale locale) {
		return this.answers.reasons(locale);
	}

	@Operation(summary = "Who answered what, per call and per gerencia",
			description = "The project matches a gerencia can act on (ELIGIBLE, NEEDS_REVIEW) and every answered one, "
					+ "of the open calls (or of one call), grouped by call (nearest deadline first) and gerencia; "
					+ "answer is null while nobody answered. SUBGERENCIA and ADMIN see every gerencia, a "
					+ "PROJECT_OWNER its own (another one: 403).")
	@ApiResponse(responseCode = "403", description = "A project owner asked for another gerencia (problem+json)")
	@GetMapping("/answers")
	AnswerService.Overview overview(@RequestParam(required = false) Long call,
			@RequestParam(required = false) String gerencia, @RequestParam(defaultValue = "false") boolean pending,
			Locale locale) {
		return this.answers.overview(call, gerencia, pending, locale);
	}

	/** Every answer the match's pair has had, oldest first; the last one holds. */
	@GetMapping("/matches/{matchId}/answers")
	List<AnswerService.AnswerView> history(@PathVariable long matchId, Locale locale) {
		return this.answers.history(matchId, locale);
	}

	@Operation(summary = "Answer a match: nos interesa / no aplica",
			description = "Appends the answer (earlier ones stay as history) with its author and time. A no aplica "
					+ "keeps the pair out of the weekly digest and the Panel's new matches while the match's verdict "
					+ "stays the one answered. With startApplication (only for INTERESTED) the match's application "
					+ "moves from identificada to en evaluación.")
	@ApiResponse(responseCode = "201", description = "The answer recorded")
	@ApiResponse(responseCode = "403", description = "The project is another gerencia's (problem+json)")
	@ApiResponse(responseCode = "422",
			description = "A reason not in the list or of the other answer, a missing note, a gerencia match")
	@PostMapping("/matches/{matchId}/answers")
	ResponseEntity<AnswerService.AnswerView> answer(@PathVariable long matchId, @Valid @RequestBody AnswerForm form,
			Locale locale) {
		AnswerService.AnswerView answer = this.answers.answer(matchId, form, locale);
		return ResponseEntity.created(URI.create("/api/matches/" + matchId + "/answers")).body(answer);
	}

}
