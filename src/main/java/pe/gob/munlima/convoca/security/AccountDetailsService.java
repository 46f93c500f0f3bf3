package pe.gob.munlima.convoca.security;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for form login and HTTP Basic, and stores a stronger hash when the
 * configured bcrypt strength has grown since the password was set (Spring Security calls
 * {@link #updatePassword} after a successful login).
 */
@Service
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final Accounts accounts;

	AccountDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(normalise(username))
			.map(AccountDetails::new)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		Account account = this.accounts.findByUsername(user.getUsername()).orElseThrow();
		account.rehash(newPassword);
		return new AccountDetails(account);
	}

	/** Usernames are case-insensitive: "Ana" logs in as "ana". */
	static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

}
