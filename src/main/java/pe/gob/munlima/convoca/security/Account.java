package pe.gob.munlima.convoca.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of app_user: a person who logs in. */
@Entity
@Table(name = "app_user")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "display_name")
	private String displayName;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "gerencia_code")
	private String gerencia;

	private boolean enabled;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	protected Account() {
	}

	Account(String username, String displayName, String email, String passwordHash, Role role, String gerencia,
			Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.gerencia = gerencia;
		this.enabled = true;
		this.createdAt = now;
		this.updatedAt = now;
		this.passwordChangedAt = now;
	}

	UserProfile profile() {
		return new UserProfile(this.username, this.displayName, this.email, this.role, this.gerencia);
	}

	void describe(String displayName, String email, Instant now) {
		this.displayName = displayName;
		this.email = email;
		this.updatedAt = now;
	}

	void grant(Role role, String gerencia, Instant now) {
		this.role = role;
		this.gerencia = gerencia;
		this.updatedAt = now;
	}

	void enable(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
		// A disabled user's open sessions end at their next request.
		this.passwordChangedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
		this.passwordChangedAt = now;
	}

	/**
	 * A stronger hash of the same password (DelegatingPasswordEncoder's upgrade on
	 * login): not a change the user made, so sessions stay open.
	 */
	void rehash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	Role getRole() {
		return this.role;
	}

	String getGerencia() {
		return this.gerencia;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

}
