package pe.gob.munlima.convoca.alert;

/**
 * A recipient as the API receives it; null fields keep their current value (or the
 * default: Spanish, weekly digest, change notices and reminders on).
 *
 * @param digestFrequency WEEKLY or OFF
 * @param gerencia a gerencia's code for its own digest; null or empty for the whole
 * office
 */
record RecipientForm(String email, String displayName, String language, String digestFrequency, String gerencia,
		Boolean changeNotices, Boolean deadlineReminders) {

}
