package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import pe.gob.munlima.convoca.notify.EmailAddresses;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;
import pe.gob.munlima.convoca.security.UserDirectory;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recipients and preferences: the subgerencia manages the office list (any address, the
 * whole office or one gerencia); every user manages their own preferences, a project
 * owner only for its own gerencia's digest. Addresses are checked before they are stored.
 */
@Service
@Transactional
class RecipientService {

	private static final List<String> LANGUAGES = List.of("es", "en");

	private static final List<String> FREQUENCIES = List.of("WEEKLY", "OFF");

	private final Recipients recipients;

	private final Projects projects;

	private final AccessControl access;

	private final UserDirectory users;

	private final Clock clock;

	private final AlertSubscriptions subscriptions;

	RecipientService(Recipients recipients, Projects projects, AccessControl access, UserDirectory users, Clock clock,
			AlertSubscriptions subscriptions) {
		this.recipients = recipients;
		this.projects = projects;
		this.access = access;
		this.users = users;
		this.clock = clock;
		this.subscriptions = subscriptions;
	}

	@Transactional(readOnly = true)
	List<Recipient> all() {
		return this.recipients.all();
	}

	Recipient create(RecipientForm form) {
		RecipientForm checked = complete(form, null);
		return save(() -> this.recipients.insert(null, checked, this.access.actor(), this.clock.instant()));
	}

	Recipient update(long id, RecipientForm form) {
		Recipient current = this.recipients.find(id).orElseThrow(() -> unknown(id));
		RecipientForm checked = complete(form, current);
		return save(() -> {
			this.recipients.update(id, checked, this.access.actor(), this.clock.instant());
			return id;
		});
	}

	void delete(long id) {
		if (!this.recipients.delete(id)) {
			throw unknown(id);
		}
	}

	/**
	 * The current user's preferences; before they saved any, what they would get: their
	 * account's address, no digest, change notices and reminders on.
	 */
	@Transactional(readOnly = true)
	Recipient mine() {
		UserProfile user = this.access.requireUser();
		return this.recipients.ofUser(user.username())
			.orElseGet(() -> new Recipient(0, user.username(), user.email(), user.displayName(), "es", "OFF",
					user.gerencia(), true, true, null, null, user.username()));
	}

	Recipient saveMine(RecipientForm form) {
		UserProfile user = this.access.requireUser();
		Optional<Recipient> current = this.recipients.ofUser(user.username());
		RecipientForm withDefaults = new RecipientForm(form.email() == null ? user.email() : form.email(),
				form.displayName() == null ? user.displayName() : form.displayName(), form.language(),
				form.digestFrequency() == null ? current.map(Recipient::digestFrequency).orElse("OFF")
						: form.digestFrequency(),
				form.gerencia() == null && current.isEmpty() ? user.gerencia() : form.gerencia(), form.changeNotices(),
				form.deadlineReminders());
		RecipientForm checked = complete(withDefaults, current.orElse(null));
		// A project owner gets its own gerencia's digest, not the office's nor another's.
		if (!user.has(Role.SUBGERENCIA) && !java.util.Objects.equals(checked.gerencia(), user.gerencia())) {
			throw new AlertRejectedException(HttpStatus.FORBIDDEN, "ownGerenciaOnly", user.gerencia());
		}
		String actor = user.username();
		return save(() -> current.map(existing -> {
			this.recipients.update(existing.id(), checked, actor, this.clock.instant());
			return existing.id();
		}).orElseGet(() -> this.recipients.insert(actor, checked, actor, this.clock.instant())));
	}

	/**
	 * The preferences of a user who may not have saved any (the defaults of
	 * {@link #mine}).
	 */
	@Transactional(readOnly = true)
	Optional<Recipient> ofUser(String username) {
		Optional<Recipient> saved = this.recipients.ofUser(username);
		if (saved.isPresent()) {
			return saved;
		}
		return this.users.find(username)
			.map(user -> new Recipient(0, user.username(), user.email(), user.displayName(), "es", "OFF",
					user.gerencia(), true, true, null, null, user.username()));
	}

	private Recipient save(java.util.function.Supplier<Long> write) {
		try {
			long id = write.get();
			Recipient saved = this.recipients.find(id).orElseThrow();
			// Turned on here after an unsubscribe link turned it off: mail flows again.
			this.subscriptions.turnedOn(saved);
			return saved;
		}
		catch (DuplicateKeyException ex) {
			throw new AlertRejectedException(HttpStatus.CONFLICT, "duplicateRecipient");
		}
	}

	/**
	 * Checks every field and fills the missing ones from {@code current} or the defaults.
	 */
	private RecipientForm complete(RecipientForm form, Recipient current) {
		String given = form.email() != null ? form.email() : current == null ? null : current.email();
		String email = EmailAddresses.check(given)
			.orElseThrow(() -> new AlertRejectedException(HttpStatus.BAD_REQUEST, "invalidEmail",
					given == null ? "" : given.strip()));
		String language = choice(form.language(), current == null ? "es" : current.language(), LANGUAGES,
				"invalidLanguage");
		String frequency = choice(
				form.digestFrequency() == null ? null : form.digestFrequency().toUpperCase(Locale.ROOT),
				current == null ? "WEEKLY" : current.digestFrequency(), FREQUENCIES, "invalidFrequency");
		String gerencia = form.gerencia() == null ? (current == null ? null : current.gerencia())
				: form.gerencia().isBlank() || DigestScope.OFFICE.equals(form.gerencia()) ? null : form.gerencia();
		if (gerencia != null
				&& this.projects.gerencias().stream().map(GerenciaProfile::code).noneMatch(gerencia::equals)) {
			throw new AlertRejectedException(HttpStatus.BAD_REQUEST, "unknownGerencia", gerencia);
		}
		return new RecipientForm(email,
				form.displayName() != null ? form.displayName() : current == null ? null : current.displayName(),
				language, frequency, gerencia,
				form.changeNotices() != null ? form.changeNotices() : current == null || current.changeNotices(),
				form.deadlineReminders() != null ? form.deadlineReminders()
						: current == null || current.deadlineReminders());
	}

	private static String choice(String value, String fallback, List<String> allowed, String code) {
		String chosen = value == null ? fallback : value;
		if (!allowed.contains(chosen)) {
			throw new AlertRejectedException(HttpStatus.BAD_REQUEST, code, chosen, String.join(", ", allowed));
		}
		return chosen;
	}

	private static AlertRejectedException unknown(long id) {
		return new AlertRejectedException(HttpStatus.NOT_FOUND, "unknownRecipient", id);
	}

}
