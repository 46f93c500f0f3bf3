package pe.gob.munlima.convoca.alert;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recipients through the API: the office list under {@code /api/admin/alerts} (the
 * subgerencia), everyone's own preferences under {@code /api/me/alerts}.
 */
@RestController
class RecipientController {

	private final RecipientService recipients;

	RecipientController(RecipientService recipients) {
		this.recipients = recipients;
	}

	@GetMapping("/api/admin/alerts/recipients")
	List<Recipient> all() {
		return this.recipients.all();
	}

	@PostMapping("/api/admin/alerts/recipients")
	ResponseEntity<Recipient> create(@Valid @RequestBody RecipientForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.recipients.create(form));
	}

	@PutMapping("/api/admin/alerts/recipients/{id}")
	Recipient update(@PathVariable long id, @Valid @RequestBody RecipientForm form) {
		return this.recipients.update(id, form);
	}

	@DeleteMapping("/api/admin/alerts/recipients/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.recipients.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me/alerts")
	Recipient mine() {
		return this.recipients.mine();
	}

	@PutMapping("/api/me/alerts")
	Recipient saveMine(@Valid @RequestBody RecipientForm form) {
		return this.recipients.saveMine(form);
	}

}
