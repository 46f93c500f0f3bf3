package pe.gob.munlima.convoca.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure someone can log in to a new installation. With
 * {@code convoca.security.admin.password} configured (env
 * {@code CONVOCA_SECURITY_ADMIN_PASSWORD}), that administrator is created if missing.
 * With none configured and no active administrator, one is created with a random password
 * that is printed in the start-up log this once: later starts find an administrator and
 * print nothing.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final SecuritySettings settings;

	private final Clock clock;

	FirstAdmin(Accounts accounts, Passwords passwords, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		SecuritySettings.Admin admin = this.settings.admin();
		String username = AccountDetailsService.normalise(admin.username());
		Account existing = this.accounts.findByUsername(username).orElse(null);
		if (admin.configured()) {
			if (existing == null) {
				this.accounts.save(administrator(username, admin.password()));
				log.info("Administrador inicial '{}' creado con la contraseña configurada "
						+ "(convoca.security.admin.password).", username);
			}
			else if (admin.resetPassword()) {
				restore(existing, admin.password());
				log.warn("Contraseña del administrador '{}' restablecida desde la configuración "
						+ "(convoca.security.admin.reset-password=true): quite esa opción.", username);
			}
			return;
		}
		if (this.accounts.countByRoleAndEnabledTrue(Role.ADMIN) > 0) {
			return;
		}
		String password = this.passwords.generate();
		if (existing == null) {
			this.accounts.save(administrator(username, password));
		}
		else {
			restore(existing, password);
		}
		// Printed once, on purpose: the only way into a new installation without
		// configuration. Every later start finds the administrator and prints nothing.
		log.warn("""

				==================================================================
				 Convoca: se creó el administrador inicial (se muestra una sola vez)
				   usuario:    {}
				   contraseña: {}
				 Cámbiela después de entrar (PUT /api/me/password) o defina
				 CONVOCA_SECURITY_ADMIN_PASSWORD antes del primer arranque.
				==================================================================""", username, password);
	}

	private Account administrator(String username, String password) {
		return new Account(username, "Administrador", username + "@convoca.local", this.passwords.hash(password),
				Role.ADMIN, null, now());
	}

	private void restore(Account account, String password) {
		Instant now = now();
		account.grant(Role.ADMIN, null, now);
		account.enable(true, now);
		account.changePassword(this.passwords.hash(password), now);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
