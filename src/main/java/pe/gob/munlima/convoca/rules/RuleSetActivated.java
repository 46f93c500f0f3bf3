package pe.gob.munlima.convoca.rules;

/**
 * Published after a new rule set became active; matching re-judges open calls with it.
 */
public record RuleSetActivated(String version, String previousVersion, String activatedBy) {

}
