package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.List;

/**
 * The active rule set, and the errors of the last reload if it was refused.
 */
public record RuleSetStatus(String version, List<String> files, Instant activatedAt, List<RuleError> lastErrors) {

}
