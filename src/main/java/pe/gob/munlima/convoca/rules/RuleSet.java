package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.Map;

import org.kie.api.KieBase;

/**
 * A compiled, tested, immutable rule set.
 *
 * @param version first 12 hex digits of the SHA-256 of all its files, in name order
 * @param files relative path to content: the .drl files, parameters.yaml, tests/*.yaml
 */
record RuleSet(KieBase kieBase, RuleParameters parameters, String version, Map<String, String> files,
		Instant preparedAt) {

}
