package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.WebContextTestSupport;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.rules.Eligibility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-match a crash cut short is finished after the restart: the open calls still judged
 * by an older rule set are judged again with the active one, in the background.
 */
class RematchResumeIntegrationTests extends WebContextTestSupport {

	@Autowired
	Rematcher rematcher;

	@Autowired
	Eligibility eligibility;

	@Autowired
	MatchRepository matches;

	@Autowired
	Calls calls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void matchesLeftOnAnOlderRuleSetAreJudgedAgainWithTheActiveOne() throws Exception {
		String active = this.eligibility.active().version();
		// As a crash half-way through a re-match leaves them: part of the verdicts still
		// of the rule set before.
		int left = this.jdbc.sql("UPDATE match SET ruleset_version = 'version-anterior' WHERE id % 2 = 0").update();
		assertThat(left).as("demo matches to leave behind").isPositive();
		assertThat(openCallsJudgedByOtherThan(active)).isNotEmpty();

		int judged = this.rematcher.resume().get(120, TimeUnit.SECONDS);

		assertThat(judged).isPositive();
		assertThat(openCallsJudgedByOtherThan(active)).isEmpty();
		assertThat(this.rematcher.progress().state()).isEqualTo("DONE");
	}

	private List<Long> openCallsJudgedByOtherThan(String version) {
		Instant now = this.clock.instant();
		return this.matches.findCallIdsJudgedByOtherThan(version)
			.stream()
			.filter(id -> this.calls.find(id).filter(call -> isOpen(call, now)).isPresent())
			.toList();
	}

	private static boolean isOpen(CallView call, Instant now) {
		return !call.closed() && !call.procurement() && (call.deadline() == null || !call.deadline().isBefore(now));
	}

}
