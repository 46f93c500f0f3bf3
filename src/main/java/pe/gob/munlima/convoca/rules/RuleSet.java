package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.conf.DirectFiringOption;

/**
 * A compiled, tested, immutable rule set.
 *
 * @param version first 12 hex digits of the SHA-256 of all its files, in name order
 * @param files relative path to content: the .drl files, parameters.yaml, tests/*.yaml
 * @param sessions runs one evaluation: takes a session from a pool, inserts the facts,
 * fires the rules and gives the session back reset. Creating a session builds the memory
 * of every node of the network, which costs more than judging a call, so sessions are
 * reused; thread-safe.
 */
record RuleSet(KieBase kieBase, RuleParameters parameters, String version, Map<String, String> files,
		Instant preparedAt, StatelessKieSession sessions) {

	RuleSet(KieBase kieBase, RuleParameters parameters, String version, Map<String, String> files, Instant preparedAt) {
		this(kieBase, parameters, version, files, preparedAt,
				kieBase.newKieSessionsPool(2).newStatelessKieSession(sessionConfiguration()));
	}

	/**
	 * Rules fire as soon as their network is evaluated, without queueing each match on an
	 * agenda first: no rule has a salience or an agenda group, and none changes a fact
	 * another rule could see, so the order of firing cannot change a finding.
	 */
	private static KieSessionConfiguration sessionConfiguration() {
		KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
		configuration.setOption(DirectFiringOption.YES);
		return configuration;
	}

}
