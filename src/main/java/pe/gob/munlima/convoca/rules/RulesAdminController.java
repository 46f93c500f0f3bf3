package pe.gob.munlima.convoca.rules;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins tune rule files: read, save drafts (validated at once), activate, roll back. The
 * author recorded is the authenticated user; who may do what is in the security module
 * (drafts: SUBGERENCIA, activation, rollback and reload: ADMIN).
 */
@RestController
@RequestMapping("/api/admin/rules")
class RulesAdminController {

	/** Largest rule, parameter or test file accepted as a draft (256 KB). */
	static final int MAX_FILE_CHARS = 256 * 1024;

	private final RuleAdmin admin;

	RulesAdminController(RuleAdmin admin) {
		this.admin = admin;
	}

	@GetMapping
	RuleAdminStatus status() {
		return this.admin.status();
	}

	@GetMapping(path = { "/{file:[a-z0-9.-]+}", "/tests/{file:[a-z0-9.-]+}" }, produces = MediaType.TEXT_PLAIN_VALUE)
	String file(@PathVariable String file, jakarta.servlet.http.HttpServletRequest request) {
		return this.admin.file(relative(file, request));
	}

	/**
	 * 200 when the candidate set passes, 422 with each error's file and line when not.
	 */
	@PutMapping(path = { "/{file:[a-z0-9.-]+}", "/tests/{file:[a-z0-9.-]+}" }, consumes = MediaType.ALL_VALUE)
	ResponseEntity<RuleDraft> saveDraft(@PathVariable String file, @RequestBody String content, Principal user,
			jakarta.servlet.http.HttpServletRequest request) {
		// Bounded and storable before anything else looks at it: PostgreSQL cannot keep
		// NUL in text, and no rule file of Convoca is near this size.
		if (content.length() > MAX_FILE_CHARS) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST),
					null, "problem.tooLarge", new Object[] { MAX_FILE_CHARS / 1024 });
		}
		if (content.indexOf('\0') >= 0) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST),
					null, "problem.nul", null);
		}
		RuleDraft draft = this.admin.saveDraft(relative(file, request), content, user.getName());
		return ResponseEntity.status(draft.errors().isEmpty() ? HttpStatus.OK : HttpStatusCode.valueOf(422))
			.body(draft);
	}

	@DeleteMapping("/drafts/{file:[a-z0-9.-]+}")
	ResponseEntity<Void> discard(@PathVariable String file, @RequestParam(defaultValue = "false") boolean test,
			Principal user) {
		boolean deleted = this.admin.discardDraft(test ? RuleCompiler.TESTS + file : file, user.getName());
		return deleted ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@PostMapping("/activate")
	RuleVersion activate(@RequestParam(required = false) String note, Principal user) {
		return this.admin.activate(user.getName(), note);
	}

	@PostMapping("/rollback")
	RuleVersion rollback(@RequestParam(required = false) Long version, Principal user) {
		return this.admin.rollback(version, user.getName());
	}

	/**
	 * Applies the folder as it is on disk (the watcher does the same every few seconds).
	 */
	@PostMapping("/reload")
	RuleVersion reload(Principal user) {
		return this.admin.reloadFolder(user.getName());
	}

	@ExceptionHandler(RuleSetRejectedException.class)
	ResponseEntity<Map<String, Object>> rejected(RuleSetRejectedException ex) {
		return ResponseEntity.status(422)
			.body(Map.of("message", "El conjunto de reglas no pasa la validación; sigue activo el anterior.", "errors",
					ex.errors()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static String relative(String file, jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().contains("/rules/tests/") ? RuleCompiler.TESTS + file : file;
	}

}
