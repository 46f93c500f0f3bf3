package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectChanged;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Verdict;

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

	private final MatchStore store;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Matcher(Calls calls, Projects projects, Eligibility eligibility, Percolator percolator, MatchStore store,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.calls = calls;
		this.projects = projects;
		this.eligibility = eligibility;
		this.percolator = percolator;
		this.store = store;
		// Matching runs after the call's transaction committed: it needs a transaction of
		// its own.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@TransactionalEventListener
	void on(CallStored event) {
		try {
			Optional<Portfolio> portfolio = portfolio();
			if (portfolio.isEmpty()) {
				return;
			}
			Rules rules = this.eligibility.active();
			this.calls.find(event.callId()).ifPresent(call -> match(call, rules, portfolio.get()));
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
		return this.projects.organisation().map(organisation -> {
			List<ProjectProfile> active = this.projects.active();
			List<GerenciaProfile> gerencias = this.projects.gerencias();
			Map<Long, Query> projectQueries = active.stream()
				.collect(Collectors.toMap(ProjectProfile::id, p -> this.percolator.queryFor(p.themes())));
			Map<Long, Query> gerenciaQueries = gerencias.stream()
				.collect(Collectors.toMap(GerenciaProfile::id, g -> this.percolator.queryFor(g.competences())));
			return new Portfolio(organisation, active, projectQueries, gerencias, gerenciaQueries);
		});
	}

	/**
	 * Judges one call against the candidates of the portfolio and stores the verdicts.
	 */
	void match(CallView call, Rules rules, Portfolio portfolio) {
		List<Judged> judged = judge(call, rules, portfolio);
		this.transactions.executeWithoutResult(status -> {
			Set<Long> projectIds = new HashSet<>();
			Set<Long> gerenciaIds = new HashSet<>();
			for (Judged j : judged) {
				if (j.gerencia() != null) {
					this.store.saveForGerencia(call.id(), j.gerencia().id(), j.assessment(), j.score());
					gerenciaIds.add(j.gerencia().id());
				}
				else {
					this.store.saveForProject(call.id(), j.project().id(), j.assessment(), j.score());
					projectIds.add(j.project().id());
				}
			}
			this.store.retain(call.id(), projectIds, gerenciaIds);
		});
	}

	/**
	 * The verdicts for one call, without storing them (used by matching and the
	 * benchmark).
	 */
	List<Judged> judge(CallView call, Rules rules, Portfolio portfolio) {
		Percolator.Document document = this.percolator.index(call);
		CallFacts callFacts = FactsAssembler.call(call, rules.parameters());
		ApplicantFacts applicant = FactsAssembler.applicant(portfolio.organisation(), rules.parameters());
		EvaluationContext context = context(rules);
		List<Judged> judged = new java.util.ArrayList<>();
		Map<Long, Boolean> gerenciaServed = new HashMap<>();
		for (ProjectProfile project : portfolio.projects()) {
			float score = document.score(portfolio.projectQueries().get(project.id()));
			if (score <= 0 && !covers(call, project.gerencia().competences())) {
				continue;
			}
			Assessment assessment = rules.evaluate(callFacts, FactsAssembler.project(project, rules.parameters()),
					applicant, context);
			judged.add(new Judged(project, null, assessment, score));
			if (assessment.verdict() != Verdict.NOT_ELIGIBLE) {
				gerenciaServed.put(project.gerencia().id(), true);
			}
		}
		for (GerenciaProfile gerencia : portfolio.gerencias()) {
			float score = document.score(portfolio.gerenciaQueries().get(gerencia.id()));
			boolean fits = score > 0 || covers(call, gerencia.competences());
			if (fits && !gerenciaServed.getOrDefault(gerencia.id(), false)) {
				Assessment assessment = rules.evaluate(callFacts, FactsAssembler.gerencia(gerencia), applicant,
						context);
				judged.add(new Judged(null, gerencia, assessment, score));
			}
		}
		return judged;
	}

	Query queryFor(ProjectProfile project) {
		return this.percolator.queryFor(project.themes());
	}

	EvaluationContext context(Rules rules) {
		EvaluationContext now = this.eligibility.context();
		return new EvaluationContext(now.today(), rules.parameters().leadDays());
	}

	private static boolean covers(CallView call, List<String> competences) {
		return call.themes() != null && competences.stream().anyMatch(call.themes()::contains);
	}

	/** One verdict: for a project, or for a gerencia without a fitting project. */
	record Judged(ProjectProfile project, GerenciaProfile gerencia, Assessment assessment, float score) {
	}

}
