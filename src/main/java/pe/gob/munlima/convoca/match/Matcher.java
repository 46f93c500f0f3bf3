package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.ProjectChanged;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.Rules;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Judges calls against the portfolio. Candidates come from percolation (the call against
 * every project's stored query) plus every project whose gerencia's competences cover the
 * call's themes; the rules judge only those. A gerencia whose competences fit a call that
 * none of its projects can use gets a match of its own ("sin proyecto en cartera").
 */
@Service
class Matcher {

	private static final Logger log = LoggerFactory.getLogger(Matcher.class);

	static final int PAGE = 200;

	private final Calls calls;

	private final Projects projects;

	private final Eligibility eligibility;

	private final Percolator percolator;

	private final Judge judge;

	private final MatchStore store;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Matcher(Calls calls, Projects projects, Eligibility eligibility, Percolator percolator, MatchStore store,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.calls = calls;
		this.projects = projects;
		this.eligibility = eligibility;
		this.percolator = percolator;
		this.judge = new Judge(percolator);
		this.store = store;
		// Matching runs after the call's transaction committed: it needs a transaction of
		// its own.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@TransactionalEventListener
	void on(CallStored event) {
		// A new or changed call: its text may differ from the one percolated before.
		this.percolator.forget(event.callId());
		try {
			Optional<Portfolio> portfolio = portfolio();
			if (portfolio.isEmpty()) {
				return;
			}
			Rules rules = this.eligibility.active();
			// A closed call is not judged again (its verdicts stay as history); a
			// procurement notice is not funding and is never judged.
			this.calls.find(event.callId())
				.filter(call -> !call.closed() && !call.procurement())
				.ifPresent(call -> match(call, rules, portfolio.get()));
		}
		catch (RuntimeException ex) {
			log.error("Matching of call {} failed; it stays stored and will be matched again", event.callId(), ex);
		}
	}

	/** A created or edited project is judged against every open call at once. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ProjectChanged event) {
		Optional<Portfolio> portfolio = portfolio();
		if (portfolio.isEmpty()) {
			return;
		}
		Rules rules = this.eligibility.active();
		this.calls.forEachOpen(this.clock.instant(), PAGE,
				page -> page.forEach(call -> match(call, rules, portfolio.get())));
	}

	/** The portfolio as it is now, or empty before Lima's profile exists. */
	Optional<Portfolio> portfolio() {
		return this.projects.organisation()
			.map(organisation -> new Portfolio(organisation, this.projects.active(), this.projects.gerencias()));
	}

	/**
	 * Judges one call against the candidates of the portfolio and stores the verdicts.
	 */
	void match(CallView call, Rules rules, Portfolio portfolio) {
		List<Judge.Judged> judged = judge(call, rules, portfolio);
		this.transactions.executeWithoutResult(status -> this.store.saveCall(call.id(), judged));
	}

	/** The verdicts for one call, without storing them. */
	List<Judge.Judged> judge(CallView call, Rules rules, Portfolio portfolio) {
		return this.judge.judge(call, rules, portfolio, context(rules));
	}

	EvaluationContext context(Rules rules) {
		EvaluationContext now = this.eligibility.context();
		return new EvaluationContext(now.today(), rules.parameters().leadDays());
	}

}
