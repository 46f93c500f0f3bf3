package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.List;

import pe.gob.munlima.convoca.call.FieldChange;

/**
 * A call stored or changed, as the alerts recorded it.
 *
 * @param kind NEW, UPDATED or CLOSED
 */
record CallEvent(long id, long callId, String kind, List<FieldChange> changes, Instant recordedAt) {

}
