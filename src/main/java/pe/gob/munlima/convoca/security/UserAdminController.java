package pe.gob.munlima.convoca.security;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import pe.gob.munlima.convoca.security.UserForms.NewUser;
import pe.gob.munlima.convoca.security.UserForms.UserChange;
import pe.gob.munlima.convoca.security.UserForms.UserView;

/**
 * User management, for administrators only (SecurityConfiguration). Errors are
 * problem+json: 400 for a malformed body, 404 for an unknown user, 409 for a duplicate
 * username or e-mail, 422 for what the rules refuse.
 */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

	private final UserAdmin users;

	private final AccessControl access;

	UserAdminController(UserAdmin users, AccessControl access) {
		this.users = users;
		this.access = access;
	}

	@GetMapping
	List<UserView> users() {
		return this.users.list();
	}

	@GetMapping("/{username}")
	UserView user(@PathVariable String username) {
		return this.users.get(username);
	}

	@PostMapping
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser form) {
		UserView created = this.users.create(form, this.access.actor());
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
	}

	/** Role, gerencia, enabled, display name, e-mail, or a password reset. */
	@PutMapping("/{username}")
	UserView update(@PathVariable String username, @Valid @RequestBody UserChange change) {
		return this.users.update(username, change, this.access.actor());
	}

}
