package pe.gob.munlima.convoca.security;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal, for pages and API alike. Kept in the HTTP session, so it
 * is serializable and holds only values. The role hierarchy expands the single authority
 * at authorization time.
 */
final class AccountDetails implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UserProfile profile;

	private final boolean enabled;

	/** When the password last changed: a session from before it is no longer valid. */
	private final Instant passwordChangedAt;

	private String passwordHash;

	AccountDetails(Account account) {
		this.profile = account.profile();
		this.enabled = account.isEnabled();
		this.passwordChangedAt = account.getPasswordChangedAt();
		this.passwordHash = account.getPasswordHash();
	}

	UserProfile profile() {
		return this.profile;
	}

	Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.profile.role().authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.profile.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountDetails details && details.getUsername().equals(getUsername());
	}

	@Override
	public int hashCode() {
		return getUsername().hashCode();
	}

	@Override
	public String toString() {
		return "AccountDetails[" + getUsername() + ", " + this.profile.role() + "]";
	}

}
