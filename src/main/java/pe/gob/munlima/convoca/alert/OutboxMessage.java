package pe.gob.munlima.convoca.alert;

/**
 * An e-mail to record in the outbox.
 *
 * @param key the idempotency key: a second message with the same key is never recorded,
 * so never sent
 * @param unsubscribeUrl the one-click unsubscribe address (List-Unsubscribe); null for
 * none
 * @param reference what it is about, for the admin
 */
record OutboxMessage(String key, Kind kind, String recipient, String language, RenderedMail mail, String unsubscribeUrl,
		String reference) {

	enum Kind {

		DIGEST, SAVED_SEARCH, CHANGE_NOTICE, DEADLINE_REMINDER

	}

}
