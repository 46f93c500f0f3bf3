package pe.gob.munlima.convoca.alert;

import jakarta.validation.constraints.Size;

import pe.gob.munlima.convoca.validation.PlainText;

/**
 * A recipient as the API receives it; null fields keep their current value (or the
 * default: Spanish, weekly digest, change notices and reminders on).
 *
 * @param digestFrequency WEEKLY or OFF
 * @param gerencia a gerencia's code for its own digest; null or empty for the whole
 * office
 */
record RecipientForm(@Size(max = 320) @PlainText String email, @Size(max = 200) @PlainText String displayName,
		@Size(max = 10) String language, @Size(max = 10) String digestFrequency, @Size(max = 60) String gerencia,
		Boolean changeNotices, Boolean deadlineReminders) {

}
