package pe.gob.munlima.convoca.notify;

/**
 * An e-mail to record in the outbox, rendered.
 *
 * @param key the idempotency key: a second message with the same key is never recorded,
 * so never sent
 * @param kind the sender's name for this sort of e-mail, for the admin
 * @param unsubscribeUrl the one-click unsubscribe address (List-Unsubscribe); null for
 * none
 * @param subscription what that address stops; null for none
 * @param reference what it is about, for the admin
 */
record OutboxMessage(String key, String kind, String recipient, String language, RenderedMail mail,
		String unsubscribeUrl, String subscription, String reference) {

}
