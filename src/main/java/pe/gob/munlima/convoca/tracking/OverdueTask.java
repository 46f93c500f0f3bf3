package pe.gob.munlima.convoca.tracking;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A checklist task whose internal due date has passed and that nobody has checked off, of
 * an application still under way: what the weekly digest lists.
 *
 * @param task what to do, in the language asked for
 * @param owner the username responsible for it
 * @param daysOverdue whole days since the due date (1 = due yesterday)
 * @param deadline the call's deadline; null when the call states none
 */
public record OverdueTask(long taskId, long matchId, Stage stage, String task, String owner, LocalDate dueOn,
		long daysOverdue, long callId, String callTitle, Instant deadline, long projectId, String projectTitle,
		String gerencia) {

}
