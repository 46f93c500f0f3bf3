package pe.gob.munlima.convoca.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The acting user and what they may do, for every module: who saves a draft or moves an
 * application, and whether they may act for a gerencia. Reads the authentication of the
 * current request (API or page alike).
 * <p>
 * Object-level checks belong in the service that changes the object, so the API and the
 * pages cannot differ: {@code access.checkActFor(project.gerencia().code())}.
 */
@Component
public class AccessControl {

	/** The authenticated user, or empty for an anonymous request or a background job. */
	public Optional<UserProfile> currentUser() {
		return profileOf(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The authenticated user; fails with a 401 when there is none.
	 */
	public UserProfile requireUser() {
		return currentUser()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Se necesita un usuario autenticado."));
	}

	/** The username to record as the author of a change. */
	public String actor() {
		return requireUser().username();
	}

	/**
	 * True when the current user may create and edit projects (and what hangs on them) of
	 * {@code gerenciaCode}: SUBGERENCIA and ADMIN for every gerencia, a project owner
	 * only for its own.
	 */
	public boolean mayActFor(String gerenciaCode) {
		return currentUser().map(user -> user.mayActFor(gerenciaCode)).orElse(false);
	}

	/**
	 * Fails with {@link GerenciaAccessDeniedException} (403) unless
	 * {@link #mayActFor(String)}.
	 */
	public void checkActFor(String gerenciaCode) {
		requireUser();
		if (!mayActFor(gerenciaCode)) {
			throw new GerenciaAccessDeniedException(gerenciaCode);
		}
	}

	/** The current role's name, for messages; "-" when none. */
	static String currentRole() {
		return profileOf(SecurityContextHolder.getContext().getAuthentication()).map(user -> user.role().name())
			.orElse("-");
	}

	/** The current user's gerencia, for messages; "-" when none. */
	static String currentUserGerencia() {
		return profileOf(SecurityContextHolder.getContext().getAuthentication()).map(UserProfile::gerencia).orElse("-");
	}

	static Optional<UserProfile> profileOf(Authentication authentication) {
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof AccountDetails details) {
			return Optional.of(details.profile());
		}
		return Optional.empty();
	}

}
