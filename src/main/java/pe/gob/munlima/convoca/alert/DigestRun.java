package pe.gob.munlima.convoca.alert;

import java.time.Instant;

/**
 * One digest period: when it ran, the window it covered, what it held.
 *
 * @param trigger CRON or MANUAL
 * @param windowFrom the previous digest's end; null for the first digest
 */
record DigestRun(long id, String period, String trigger, Instant windowFrom, Instant windowTo, int messages,
		int newMatches, int closingSoon, int changedCalls, Instant createdAt) {

}
