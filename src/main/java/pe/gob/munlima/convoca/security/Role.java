package pe.gob.munlima.convoca.security;

/**
 * What a user may do. Each role includes the ones below it: an ADMIN can do everything a
 * SUBGERENCIA user can, who can do everything a PROJECT_OWNER can.
 */
public enum Role {

	/** Rules (activation, rollback), sources, users: everything. */
	ADMIN,

	/** The cooperation office: everything but activating rules and managing users. */
	SUBGERENCIA,

	/**
	 * A gerencia's project owner: reads calls and matches, edits its gerencia's projects.
	 */
	PROJECT_OWNER;

	/** The Spring Security authority, {@code ROLE_ADMIN} ... */
	public String authority() {
		return "ROLE_" + name();
	}

	/** True when this role can do what {@code other} can. */
	public boolean includes(Role other) {
		return ordinal() <= other.ordinal();
	}

}
