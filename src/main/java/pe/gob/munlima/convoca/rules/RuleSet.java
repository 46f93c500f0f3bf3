package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, tested, immutable rule set.
 *
 * @param version first 12 hex digits of the SHA-256 of all its files, in name order
 * @param files relative path to content: the .drl files, parameters.yaml, tests/*.yaml
 */
record RuleSet(KieBase kieBase, RuleParameters parameters, String version, Map<String, String> files,
		Instant preparedAt, KieSessionsPool sessions) {

	/**
	 * A rule set with a pool of sessions: creating a session builds the memory of every
	 * node of the network, which costs more than judging a call, so sessions are reset
	 * and reused instead.
	 */
	RuleSet(KieBase kieBase, RuleParameters parameters, String version, Map<String, String> files, Instant preparedAt) {
		this(kieBase, parameters, version, files, preparedAt, kieBase.newKieSessionsPool(2));
	}

}
