package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.Locale;

/**
 * Who receives digests, and a user's own e-mail preferences.
 *
 * @param username the user whose own preferences these are; null for an entry of the
 * office list
 * @param digestFrequency WEEKLY or OFF
 * @param gerencia the gerencia whose digest it receives; null for the whole office
 * @param changeNotices the user receives the changes of calls they follow
 * @param deadlineReminders the user receives the reminders of applications
 */
record Recipient(long id, String username, String email, String displayName, String language, String digestFrequency,
		String gerencia, boolean changeNotices, boolean deadlineReminders, Instant createdAt, Instant updatedAt,
		String updatedBy) {

	Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

	boolean receivesDigest() {
		return "WEEKLY".equals(this.digestFrequency);
	}

	/** The digest scope as keys and calendars name it: oficina or the gerencia's code. */
	String scope() {
		return this.gerencia == null ? DigestScope.OFFICE : this.gerencia;
	}

}
