package pe.gob.munlima.convoca.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Puts a freshly loaded user in place of the one a request is authenticated as, and in
 * its browser session when it has one: after the user's own password change (the session
 * stays logged in) or an administrator's change of role or gerencia (it applies at once).
 */
final class SessionLogin {

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	void replace(AccountDetails user, HttpServletRequest request, HttpServletResponse response) {
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			this.sessions.saveContext(context, request, response);
		}
	}

}
