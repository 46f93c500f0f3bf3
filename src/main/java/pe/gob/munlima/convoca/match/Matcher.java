package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final AtomicBoolean profileMissingSaid = new AtomicBoolean();

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
		// Matching runs after the call's transaction committed (and from the re-match):
		// the
		// verdicts of each call commit in a transaction of their own.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * A new or changed call is judged against the portfolio right after it committed, in
	 * the thread that stored it: a crawl, an import or a correction returns with the
	 * verdicts stored. The event publication registry records the publication with the
	 * call and keeps it until this completes (the listener is {@code @Transactional},
	 * what the registry is configured to record): a failure (the database gone for a
	 * moment, a rule that throws) is logged by Spring, leaves the call stored and is
	 * retried ({@code changes.PublicationRetries}); a stop before it ends is resumed at
	 * the next start. Judging again is harmless: a verdict that does not move publishes
	 * nothing. The listener joins no transaction (each call's verdicts commit in theirs).
	 */
	@TransactionalEventListener(id = "match.call-stored")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void on(CallStored event) {
		// A new or changed call: its text may differ from the one percolated before.
		this.percolator.forget(event.callId());
		Optional<Portfolio> portfolio = portfolio();
		if (portfolio.isEmpty()) {
			return;
		}
		Rules rules = this.eligibility.active();
		// A closed call is not judged again (its verdicts stay as history); a procurement
		// notice is not funding and is never judged.
		this.calls.find(event.callId())
			.filter(call -> !call.closed() && !call.procurement())
			.ifPresent(call -> match(call, rules, portfolio.get()));
	}

	/**
	 * A created or edited project is judged against every open call once it committed,
	 * one call per transaction; recorded and retried like a call.
	 */
	@TransactionalEventListener(id = "match.project-changed")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
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
		Optional<Portfolio> portfolio = this.projects.organisation()
			.map(organisation -> new Portfolio(organisation, this.projects.active(), this.projects.gerencias()));
		// Without the profile (written at the first start by the project module's
		// OrganisationSeed; a call stored before that) every call is stored and none
		// judged: said once, or the silence looks like "nothing fits".
		if (portfolio.isEmpty() && this.profileMissingSaid.compareAndSet(false, true)) {
			log.warn("Lima's organisation profile is missing (organisation_profile): no call or project is judged "
					+ "until it exists");
		}
		else if (portfolio.isPresent()) {
			this.profileMissingSaid.set(false);
		}
		return portfolio;
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
