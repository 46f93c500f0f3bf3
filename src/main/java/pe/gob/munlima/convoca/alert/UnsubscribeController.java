package pe.gob.munlima.convoca.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The unsubscribe link of every e-mail, open without logging in (public path
 * {@code /unsubscribe/**}). Opening the link shows a page with one button, so that a mail
 * filter that follows links does not unsubscribe anyone; the button (and a mail client's
 * one-click POST to {@code /api/unsubscribe/...}, RFC 8058) does it. A tampered or
 * made-up token is refused.
 */
@Controller
class UnsubscribeController {

	private final Unsubscriptions unsubscriptions;

	UnsubscribeController(Unsubscriptions unsubscriptions) {
		this.unsubscriptions = unsubscriptions;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		if (this.unsubscriptions.subject(token).isEmpty()) {
			throw new AlertRejectedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return "alert/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		if (!this.unsubscriptions.unsubscribe(token)) {
			throw new AlertRejectedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "alert/unsubscribe";
	}

	/** RFC 8058 one-click: a mail client POSTs here, no session, no page. */
	@PostMapping("/api/unsubscribe/{token}")
	@ResponseBody
	ResponseEntity<Void> oneClick(@PathVariable String token) {
		if (!this.unsubscriptions.unsubscribe(token)) {
			throw new AlertRejectedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		return ResponseEntity.noContent().build();
	}

}
