package pe.gob.munlima.convoca.programme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallStored;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Groups each call once it is stored (after its transaction committed, in a transaction
 * of its own). Thin on purpose: how calls announce themselves may change, the grouping
 * does not.
 */
@Component
class ProgrammeListener {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeListener.class);

	private final Programmes programmes;

	ProgrammeListener(Programmes programmes) {
		this.programmes = programmes;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CallStored event) {
		try {
			this.programmes.group(event.callId());
		}
		catch (RuntimeException ex) {
			// The call stays stored; the next start groups what was left out.
			log.error("Grouping of call {} into a programme failed", event.callId(), ex);
		}
	}

}
