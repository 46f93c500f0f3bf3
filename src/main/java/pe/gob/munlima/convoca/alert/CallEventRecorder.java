package pe.gob.munlima.convoca.alert;

import java.time.Clock;

import pe.gob.munlima.convoca.call.CallClosed;
import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.FieldChange;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every stored or changed call in the transaction that stores it (before it
 * commits): the call and the fact that the alerts must look at it are committed together,
 * so a stop right after the commit loses no saved-search alert and no change notice. The
 * work itself (percolation, notices) happens later, in {@link CallEventProcessor}.
 */
@Component
class CallEventRecorder {

	private final CallEvents events;

	private final Clock clock;

	CallEventRecorder(CallEvents events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CallStored event) {
		this.events.record(event.callId(), event.change().name(), event.changes(), this.clock.instant());
	}

	/**
	 * A call closed because its deadline passed or its source no longer lists it: the
	 * followers and the digest hear it like any other change ("El estado cambió de
	 * abierta a cerrada."). A closing that came with a source's update is already in that
	 * update's event and is not recorded twice.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CallClosed event) {
		this.events.recordClosing(event.callId(), new FieldChange("status", event.statusBefore(), "CLOSED"),
				this.clock.instant());
	}

}
