package pe.gob.munlima.convoca.web;

import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page. Spring Security handles the form's POST, {@code ?error} after a failed
 * attempt and {@code ?logout} after logging out; {@code ?locked=minutes} is the answer
 * (429) to a login refused after repeated wrong passwords.
 */
@Controller
class LoginController {

	private final AccessControl access;

	LoginController(AccessControl access) {
		this.access = access;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			@RequestParam(required = false) Integer locked, Model model) {
		if (this.access.currentUser().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("error", error != null);
		model.addAttribute("logout", logout != null);
		model.addAttribute("locked", locked != null && locked > 0 ? locked : null);
		return "login";
	}

}
