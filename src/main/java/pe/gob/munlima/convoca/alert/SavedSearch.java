package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user's saved search.
 *
 * @param params the parameters of {@code /api/calls/search} (q, theme, status,
 * deadlineFrom ...), each with its values
 * @param frequency DAILY, WEEKLY or OFF: how often new results are e-mailed
 * @param includeNotEligible e-mail every new call, also those the rules judged
 * NOT_ELIGIBLE for all the user's projects
 */
record SavedSearch(long id, String username, String name, Map<String, List<String>> params, String frequency,
		boolean includeNotEligible, Instant createdAt, Instant updatedAt, Instant lastAlertAt) {

}
