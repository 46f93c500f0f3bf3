package pe.gob.munlima.convoca.alert;

import java.util.List;

/**
 * A digest as one recipient reads it: every text already in the recipient's language,
 * every link absolute. The mail templates only lay it out.
 *
 * @param scopeName the gerencia's name for a gerencia digest; null for the office
 * @param callCount the calls with a new pair whose subject fits: the digest's headline
 * @param newCount the new pairs whose subject fits the call
 * @param totalCount every new pair, fitting or not
 * @param newCalls the calls with a fitting pair, best fit first
 * @param allUrl "ver todas": the page of every new match
 * @param soon expected windows of recurring programmes that fit the recipient's projects
 */
record DigestView(String period, String scopeName, boolean empty, int callCount, int newCount, int totalCount,
		List<CallBlock> newCalls, String allUrl, List<CallItem> closing, List<ChangeItem> changes,
		List<SourceItem> sources, List<TaskItem> overdueTasks, String homeUrl, String preferencesUrl,
		List<SoonItem> soon) {

	/** The new pairs whose subject does not fit, behind "ver todas". */
	public int hiddenCount() {
		return this.totalCount - this.newCount;
	}

	/**
	 * A call with its new pairs.
	 *
	 * @param doubts the doubts about the call's own facts, said once for every project
	 * @param more fitting pairs of the call not listed (the call's page has them)
	 */
	record CallBlock(CallItem call, List<String> doubts, List<PairItem> pairs, int more) {
	}

	/**
	 * A project (or a gerencia without a fitting project) under a call.
	 *
	 * @param code the project's code; null for a gerencia
	 * @param onlyCallDoubts NEEDS_REVIEW because of the call's doubts alone
	 * @param reasons what stands in the way for this project, the call's doubts left out
	 */
	record PairItem(String code, String subject, String url, String verdict, String verdictCode, boolean onlyCallDoubts,
			List<String> reasons) {
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

	/**
	 * A window expected soon, not yet published.
	 *
	 * @param line the programme, its funder, when it is expected and how sure
	 * @param fits the projects it fits
	 * @param url the programme's page
	 */
	record SoonItem(String line, String fits, String url) {
	}

	record SourceItem(String sourceId, String funder, int failures, String lastRun, String error) {
	}

}
