package pe.gob.munlima.convoca.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import pe.gob.munlima.convoca.security.UserForms.PasswordChange;

/** Any user: who am I, and changing my own password. */
@RestController
@RequestMapping("/api/me")
class MeController {

	private final AccessControl access;

	private final UserAdmin users;

	private final GerenciaDirectory gerencias;

	private final AccountDetailsService details;

	private final SessionLogin sessions = new SessionLogin();

	MeController(AccessControl access, UserAdmin users, GerenciaDirectory gerencias, AccountDetailsService details) {
		this.access = access;
		this.users = users;
		this.gerencias = gerencias;
		this.details = details;
	}

	@GetMapping
	Me me() {
		UserProfile user = this.access.requireUser();
		String gerenciaName = user.gerencia() == null ? null : this.gerencias.nameOf(user.gerencia()).orElse(null);
		return new Me(user.username(), user.displayName(), user.email(), user.role(), user.gerencia(), gerenciaName);
	}

	/**
	 * 204 when changed. The user's other sessions end; the browser session this request
	 * came with, if any, stays logged in.
	 */
	@PutMapping("/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, HttpServletRequest request,
			HttpServletResponse response) {
		String username = this.access.actor();
		this.users.changeOwnPassword(username, change.currentPassword(), change.newPassword());
		if (request.getSession(false) != null) {
			this.sessions.replace((AccountDetails) this.details.loadUserByUsername(username), request, response);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param gerencia the code of the gerencia a project owner acts for
	 */
	record Me(String username, String displayName, String email, Role role, String gerencia, String gerenciaName) {
	}

}
