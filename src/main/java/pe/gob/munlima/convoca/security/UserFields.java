package pe.gob.munlima.convoca.security;

import pe.gob.munlima.convoca.security.UserForms.NewUser;
import pe.gob.munlima.convoca.security.UserForms.UserChange;

/**
 * The user form of the users page, as the browser posts it (a mutable bean, so what was
 * typed comes back beside its errors). It is checked by validating the API's body built
 * from it ({@link #toNewUser()}, {@link #toChange()}), whose fields have the same names.
 * A gerencia is only kept for a project owner: the select stays on the form whatever the
 * role.
 */
public class UserFields {

	private String username;

	private String displayName;

	private String email;

	private Role role = Role.PROJECT_OWNER;

	private String gerencia;

	private String password;

	private boolean enabled = true;

	static UserFields of(UserForms.UserView user) {
		UserFields fields = new UserFields();
		fields.username = user.username();
		fields.displayName = user.displayName();
		fields.email = user.email();
		fields.role = user.role();
		fields.gerencia = user.gerencia();
		fields.enabled = user.enabled();
		return fields;
	}

	NewUser toNewUser() {
		return new NewUser(strip(this.username), strip(this.displayName), strip(this.email), this.role, gerencia(),
				this.password == null ? "" : this.password);
	}

	/** A change of everything the form shows; a blank password leaves it as it is. */
	UserChange toChange() {
		return new UserChange(strip(this.displayName), strip(this.email), this.role, gerencia(), this.enabled,
				this.password == null || this.password.isEmpty() ? null : this.password);
	}

	private String gerencia() {
		return this.role == Role.PROJECT_OWNER && this.gerencia != null && !this.gerencia.isBlank()
				? this.gerencia.strip() : null;
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getGerencia() {
		return this.gerencia;
	}

	public void setGerencia(String gerencia) {
		this.gerencia = gerencia;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
