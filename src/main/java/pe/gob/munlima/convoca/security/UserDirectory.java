package pe.gob.munlima.convoca.security;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users as other modules may read them (never their passwords): to name the author of a
 * change, or to e-mail the project owners of a gerencia.
 */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	private final Accounts accounts;

	UserDirectory(Accounts accounts) {
		this.accounts = accounts;
	}

	public Optional<UserProfile> find(String username) {
		return this.accounts.findByUsername(AccountDetailsService.normalise(username)).map(Account::profile);
	}

	/** The enabled project owners bound to {@code gerenciaCode}. */
	public List<UserProfile> projectOwnersOf(String gerenciaCode) {
		return this.accounts.findByGerenciaOrderByUsernameAsc(gerenciaCode)
			.stream()
			.filter(Account::isEnabled)
			.map(Account::profile)
			.toList();
	}

	/** Every enabled user with {@code role} or a role above it. */
	public List<UserProfile> withRole(Role role) {
		return this.accounts.findAllByOrderByUsernameAsc()
			.stream()
			.filter(Account::isEnabled)
			.map(Account::profile)
			.filter(user -> user.has(role))
			.toList();
	}

}
