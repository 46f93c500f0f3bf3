package pe.gob.munlima.convoca.security;

/**
 * What other modules know of a user. Never carries the password.
 *
 * @param username what the user logs in with, lower case; recorded as the actor of
 * changes (who activated a rule set, who moved an application)
 * @param gerencia the code of the gerencia a PROJECT_OWNER acts for; null for the other
 * roles, who act for every gerencia
 */
public record UserProfile(String username, String displayName, String email, Role role, String gerencia) {

	/** True when the user may create and edit the projects of {@code gerenciaCode}. */
	public boolean mayActFor(String gerenciaCode) {
		return this.role.includes(Role.SUBGERENCIA)
				|| (this.role == Role.PROJECT_OWNER && this.gerencia != null && this.gerencia.equals(gerenciaCode));
	}

	/** True when the user has {@code role} or a role above it. */
	public boolean has(Role role) {
		return this.role.includes(role);
	}

}
