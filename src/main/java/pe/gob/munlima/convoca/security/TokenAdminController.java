package pe.gob.munlima.convoca.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue, list and revoke a user's personal API tokens. */
@RestController
@RequestMapping("/api/admin/users/{username}/tokens")
class TokenAdminController {

	private final ApiTokens tokens;

	private final AccessControl access;

	TokenAdminController(ApiTokens tokens, AccessControl access) {
		this.tokens = tokens;
		this.access = access;
	}

	@GetMapping
	List<ApiTokens.TokenView> tokens(@PathVariable String username) {
		return this.tokens.of(username);
	}

	/** 201 with the token, shown this once; {@code validDays} absent = until revoked. */
	@PostMapping
	ResponseEntity<ApiTokens.IssuedToken> issue(@PathVariable String username, @RequestBody NewToken request) {
		ApiTokens.IssuedToken issued = this.tokens.issue(username, request.name(), request.validDays(),
				this.access.actor());
		return ResponseEntity.created(URI.create("/api/admin/users/" + username + "/tokens/" + issued.details().id()))
			.body(issued);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable long id) {
		this.tokens.revoke(username, id);
		return ResponseEntity.noContent().build();
	}

	record NewToken(String name, Integer validDays) {
	}

}
