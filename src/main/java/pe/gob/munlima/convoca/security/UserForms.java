package pe.gob.munlima.convoca.security;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the user-management API, and what it answers. */
final class UserForms {

	private UserForms() {
	}

	/**
	 * A new user. The password policy (length, not the username) is checked by
	 * {@link Passwords}, with a 422.
	 *
	 * @param gerencia the gerencia code, for a PROJECT_OWNER only
	 */
	record NewUser(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,40}", message = "{user.username.pattern}") String username,
			@NotBlank @Size(max = 120) String displayName, @NotBlank @Email @Size(max = 254) String email,
			@NotNull Role role, String gerencia, @NotBlank String password) {
	}

	/**
	 * A change to a user; a null field stays as it is. A role other than PROJECT_OWNER
	 * clears the gerencia.
	 *
	 * @param password a new password (an administrator's reset); ends the user's open
	 * sessions
	 * @param enabled false ends the user's sessions and refuses their logins and tokens
	 */
	record UserChange(@Size(min = 1, max = 120) String displayName, @Email @Size(min = 3, max = 254) String email,
			Role role, String gerencia, Boolean enabled, String password) {
	}

	/** A user changes their own password. */
	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	/** A user as the API shows it: never the password nor its hash. */
	record UserView(String username, String displayName, String email, Role role, String gerencia, boolean enabled,
			Instant createdAt, Instant updatedAt) {

		UserView(Account account) {
			this(account.getUsername(), account.profile().displayName(), account.profile().email(), account.getRole(),
					account.getGerencia(), account.isEnabled(), account.getCreatedAt(), account.getUpdatedAt());
		}

	}

}
