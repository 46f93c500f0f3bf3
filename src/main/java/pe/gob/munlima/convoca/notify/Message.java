package pe.gob.munlima.convoca.notify;

import java.util.List;
import java.util.Map;

/**
 * An e-mail a module hands over to be sent, in the transaction of what it announces.
 * notify renders it from {@code templates/mail/<template>.html} and {@code .txt} with
 * {@code model}, adds the unsubscribe link of {@code subscription} (variable
 * {@code unsubscribeUrl} and the List-Unsubscribe header), and records it once.
 *
 * @param key the idempotency key: a second message with the same key is never recorded,
 * so never sent
 * @param kind what the sender calls this sort of e-mail (DIGEST, CHANGE_NOTICE...), shown
 * to the admin; notify gives it no meaning
 * @param language the recipient's language tag, for the template and the subject
 * @param subjectKey message key of the subject, formatted with {@code subjectArgs}
 * @param subscription what the e-mail's unsubscribe link stops ({@code topic:id}, e.g.
 * {@code recipient:42}); null for an e-mail nobody can unsubscribe from
 * @param reference what it is about, for the admin (a period, a call...)
 */
public record Message(String key, String kind, String recipient, String language, String template, Map<String, ?> model,
		String subjectKey, List<?> subjectArgs, String subscription, String reference) {

	public Message {
		model = Map.copyOf(model);
		subjectArgs = List.copyOf(subjectArgs);
	}

}
