package pe.gob.munlima.convoca.rules;

import java.time.Instant;

/** One activation in the rule set's history. */
public record RuleVersion(long id, String version, Instant activatedAt, String activatedBy, String action,
		String note) {

}
