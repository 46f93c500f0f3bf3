package pe.gob.munlima.convoca.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.munlima.convoca.security.UserForms.NewUser;
import pe.gob.munlima.convoca.security.UserForms.UserChange;
import pe.gob.munlima.convoca.security.UserForms.UserView;

/**
 * Creating and changing users, with the rules that keep the set consistent: unique
 * usernames and e-mails, a project owner bound to exactly one existing gerencia, the
 * password policy, and never losing the last active administrator.
 */
@Service
@Transactional
class UserAdmin {

	private static final Logger log = LoggerFactory.getLogger(UserAdmin.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final GerenciaDirectory gerencias;

	private final ApiTokens tokens;

	private final Clock clock;

	UserAdmin(Accounts accounts, Passwords passwords, GerenciaDirectory gerencias, ApiTokens tokens, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.gerencias = gerencias;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<UserView> list() {
		return this.accounts.findAllByOrderByUsernameAsc().stream().map(UserView::new).toList();
	}

	@Transactional(readOnly = true)
	UserView get(String username) {
		return new UserView(account(username));
	}

	UserView create(NewUser form, String actor) {
		String username = AccountDetailsService.normalise(form.username());
		if (this.accounts.findByUsername(username).isPresent()) {
			throw new UserRejectedException(HttpStatus.CONFLICT, "duplicateUsername", username);
		}
		String email = form.email().strip();
		if (this.accounts.findByEmailIgnoringCase(email).isPresent()) {
			throw new UserRejectedException(HttpStatus.CONFLICT, "duplicateEmail", email);
		}
		String gerencia = gerenciaFor(form.role(), blankToNull(form.gerencia()));
		this.passwords.check(username, form.password());
		Account account = this.accounts.save(new Account(username, form.displayName().strip(), email,
				this.passwords.hash(form.password()), form.role(), gerencia, now()));
		log.info("User {} created by {} with role {}{}", username, actor, form.role(),
				gerencia == null ? "" : " for gerencia " + gerencia);
		return new UserView(account);
	}

	UserView update(String username, UserChange change, String actor) {
		Account account = account(username);
		Instant now = now();
		if (change.displayName() != null || change.email() != null) {
			String email = change.email() == null ? account.profile().email() : change.email().strip();
			this.accounts.findByEmailIgnoringCase(email)
				.filter(other -> !other.getId().equals(account.getId()))
				.ifPresent(other -> {
					throw new UserRejectedException(HttpStatus.CONFLICT, "duplicateEmail", email);
				});
			String displayName = change.displayName() == null ? account.profile().displayName()
					: change.displayName().strip();
			account.describe(displayName, email, now);
		}
		Role role = change.role() == null ? account.getRole() : change.role();
		boolean enabled = change.enabled() == null ? account.isEnabled() : change.enabled();
		if (account.getRole() == Role.ADMIN && account.isEnabled() && (role != Role.ADMIN || !enabled)
				&& this.accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "lastAdmin", account.getUsername());
		}
		if (change.role() != null || change.gerencia() != null) {
			String requested = blankToNull(change.gerencia());
			String gerencia = gerenciaFor(role,
					requested == null && role == Role.PROJECT_OWNER ? account.getGerencia() : requested);
			account.grant(role, gerencia, now);
		}
		if (change.enabled() != null && change.enabled() != account.isEnabled()) {
			account.enable(change.enabled(), now);
		}
		int revoked = 0;
		if (change.password() != null) {
			this.passwords.check(account.getUsername(), change.password());
			account.changePassword(this.passwords.hash(change.password()), now);
			revoked = this.tokens.revokeAll(account.getId());
		}
		log.info("User {} changed by {}: role {}, gerencia {}, enabled {}{}", account.getUsername(), actor,
				account.getRole(), account.getGerencia(), account.isEnabled(),
				change.password() == null ? "" : ", password reset, " + revoked + " API token(s) revoked");
		return new UserView(account);
	}

	/** A user's own password change, which needs the current one. */
	void changeOwnPassword(String username, String current, String next) {
		Account account = account(username);
		if (!this.passwords.matches(current, account.getPasswordHash())) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "wrongPassword");
		}
		this.passwords.check(account.getUsername(), next);
		account.changePassword(this.passwords.hash(next), now());
		int revoked = this.tokens.revokeAll(account.getId());
		log.info("User {} changed their password; {} API token(s) revoked", account.getUsername(), revoked);
	}

	/** The gerencia a user of {@code role} is bound to, checked. */
	private String gerenciaFor(Role role, String gerencia) {
		if (role != Role.PROJECT_OWNER) {
			if (gerencia != null) {
				throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "gerenciaNotAllowed", role);
			}
			return null;
		}
		if (gerencia == null) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "gerenciaRequired");
		}
		if (this.gerencias.nameOf(gerencia).isEmpty()) {
			throw new UserRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "unknownGerencia", gerencia);
		}
		return gerencia;
	}

	private Account account(String username) {
		String name = AccountDetailsService.normalise(username);
		return this.accounts.findByUsername(name)
			.orElseThrow(() -> new UserRejectedException(HttpStatus.NOT_FOUND, "notFound", name));
	}

	/** PostgreSQL keeps microseconds; a session compares the stored value. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
