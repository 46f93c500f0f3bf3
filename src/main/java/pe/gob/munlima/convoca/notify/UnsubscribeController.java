package pe.gob.munlima.convoca.notify;

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

	private final Subscriptions subscriptions;

	UnsubscribeController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model) {
		if (this.subscriptions.subject(token).isEmpty()) {
			throw new NotifyRefusedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return "notify/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model) {
		if (!this.subscriptions.unsubscribe(token)) {
			throw new NotifyRefusedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "notify/unsubscribe";
	}

	/** RFC 8058 one-click: a mail client POSTs here, no session, no page. */
	@PostMapping("/api/unsubscribe/{token}")
	@ResponseBody
	ResponseEntity<Void> oneClick(@PathVariable String token) {
		if (!this.subscriptions.unsubscribe(token)) {
			throw new NotifyRefusedException(HttpStatus.NOT_FOUND, "invalidToken");
		}
		return ResponseEntity.noContent().build();
	}

}
