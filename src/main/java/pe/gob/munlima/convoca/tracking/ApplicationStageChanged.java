package pe.gob.munlima.convoca.tracking;

import java.time.Instant;

/**
 * Published when an application moves to another stage; listeners that act after the
 * change is stored use {@code @TransactionalEventListener}. Alerts follow it (deadline
 * reminders start when an application enters {@link Stage#APPLYING}).
 *
 * @param gerencia the code of the project's gerencia
 * @param actor the username of who moved it
 */
public record ApplicationStageChanged(long matchId, long callId, long projectId, String gerencia, Stage from, Stage to,
		String actor, Instant at, String note) {

}
