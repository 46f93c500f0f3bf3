package pe.gob.munlima.convoca.notify;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A refused unsubscribe link (malformed, tampered or made up): message
 * {@code notify.problem.<code>} of the bundles.
 */
class NotifyRefusedException extends Refusal {

	NotifyRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, "notify", code, arguments);
	}

}
