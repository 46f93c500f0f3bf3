package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.List;

import org.kie.api.KieBase;

/**
 * A compiled, immutable rule set.
 *
 * @param version first 12 hex digits of the SHA-256 of the files, in name order
 */
record RuleSet(KieBase kieBase, String version, List<String> files, Instant activatedAt) {

}
