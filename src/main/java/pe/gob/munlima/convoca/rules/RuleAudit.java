package pe.gob.munlima.convoca.rules;

import java.time.Instant;

/** One line of the rules audit trail. */
public record RuleAudit(Instant at, String actor, String action, String version, String detail) {

}
