package pe.gob.munlima.convoca.alert;

import java.util.List;

/**
 * A digest as one recipient reads it: every text already in the recipient's language,
 * every link absolute. The mail templates only lay it out.
 *
 * @param scopeName the gerencia's name for a gerencia digest; null for the office
 */
record DigestView(String period, String scopeName, boolean empty, int newCount, List<GerenciaBlock> gerencias,
		List<CallItem> withoutProject, List<CallItem> closing, List<ChangeItem> changes, List<SourceItem> sources,
		List<TaskItem> overdueTasks, String homeUrl, String preferencesUrl, String unsubscribeUrl) {

	record GerenciaBlock(String name, String url, List<ProjectBlock> projects) {
	}

	record ProjectBlock(String code, String title, String url, List<CallItem> matches) {
	}

	/**
	 * A call in a digest.
	 *
	 * @param verdictCode ELIGIBLE or NEEDS_REVIEW (for styling), null outside a match
	 * @param forWhom the projects or gerencias it fits, for lists not grouped by project
	 */
	record CallItem(String title, String url, String funder, String deadline, Long daysLeft, String amount,
			String verdict, String verdictCode, String forWhom, List<String> reasons) {
	}

	record ChangeItem(String title, String url, String funder, List<String> changes) {
	}

	/**
	 * A checklist task past its internal due date.
	 *
	 * @param url the application's page, where the task is checked off
	 */
	record TaskItem(String task, String owner, String dueOn, long daysOverdue, String project, String callTitle,
			String url) {
	}

	record SourceItem(String sourceId, String funder, int failures, String lastRun, String error) {
	}

}
