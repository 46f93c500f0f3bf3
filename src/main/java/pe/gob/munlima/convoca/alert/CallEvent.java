package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.List;

import pe.gob.munlima.convoca.call.FieldChange;

/**
 * A change of a call, as the alerts recorded it ({@link CallChanges}).
 *
 * @param kind UPDATED or CLOSED
 * @param recordedAt when the call was stored with the change
 */
record CallEvent(long id, long callId, String kind, List<FieldChange> changes, Instant recordedAt) {

}
