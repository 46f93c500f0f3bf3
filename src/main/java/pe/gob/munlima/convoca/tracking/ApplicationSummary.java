package pe.gob.munlima.convoca.tracking;

import java.time.Instant;

/**
 * A tracked application in a list: its stage and the call's deadline, what the office and
 * the deadline reminders look at.
 *
 * @param stageSince when it entered its stage
 * @param deadline the call's deadline; null when the call states none
 * @param gerencia the code of the project's gerencia
 * @param openTasks checklist tasks not yet done
 * @param overdueTasks open tasks whose internal due date has passed
 */
public record ApplicationSummary(long matchId, Stage stage, Instant stageSince, long callId, String callTitle,
		String funder, Instant deadline, long projectId, String projectCode, String projectTitle, String gerencia,
		int openTasks, int overdueTasks) {

}
