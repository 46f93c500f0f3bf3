package pe.gob.munlima.convoca.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session true to the stored user: a session of a user who was disabled,
 * deleted or whose password changed since logging in ends at its next request; a role or
 * gerencia changed by an administrator applies at once. Runs right after the session's
 * security context is loaded, so it sees only session logins (Basic and tokens load the
 * user afresh on every request anyway). One indexed lookup per request.
 */
class SessionAccountFilter extends OncePerRequestFilter {

	private final Accounts accounts;

	private final SessionLogin sessions = new SessionLogin();

	SessionAccountFilter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null
				&& authentication.getPrincipal() instanceof AccountDetails details) {
			Optional<Account> account = this.accounts.findByUsername(details.getUsername());
			if (account.isEmpty() || !account.get().isEnabled()
					|| !account.get().getPasswordChangedAt().equals(details.passwordChangedAt())) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
			else if (!account.get().profile().equals(details.profile())) {
				this.sessions.replace(new AccountDetails(account.get()), request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
