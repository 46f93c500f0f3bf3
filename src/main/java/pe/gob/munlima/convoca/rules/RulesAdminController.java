package pe.gob.munlima.convoca.rules;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins see the active rule set and reload the rule folder after editing it. */
@RestController
@RequestMapping("/api/admin/rules")
class RulesAdminController {

	private final Eligibility eligibility;

	RulesAdminController(Eligibility eligibility) {
		this.eligibility = eligibility;
	}

	@GetMapping
	ResponseEntity<?> status() {
		return this.eligibility.status()
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Map.of("errors", this.eligibility.lastErrors())));
	}

	/**
	 * 200 with the new version, or 422 with every error's file and line (the old set
	 * stays).
	 */
	@PostMapping("/reload")
	ResponseEntity<?> reload() {
		try {
			return ResponseEntity.ok(Map.of("version", this.eligibility.reload()));
		}
		catch (RuleSetRejectedException ex) {
			return ResponseEntity.status(422)
				.body(Map.of("message", "El conjunto de reglas no compila; sigue activo el anterior.", "errors",
						ex.errors()));
		}
	}

}
