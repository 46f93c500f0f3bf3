package pe.gob.munlima.convoca.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.EvaluationContext;
import pe.gob.munlima.convoca.rules.ProjectFacts;
import pe.gob.munlima.convoca.rules.Rules;
import pe.gob.munlima.convoca.rules.Verdict;

/**
 * Judges one call against a portfolio, storing nothing: percolation picks the candidates
 * (the call against every profile's stored theme query, plus every project whose
 * gerencia's competences cover the call's themes), then the rules judge only those. A
 * gerencia whose competences fit the call and none of whose projects can use it is judged
 * itself.
 */
final class Judge {

	private final Percolator percolator;

	/**
	 * The project facts of the last portfolio judged, reused while the same run goes on.
	 */
	private volatile Prepared prepared;

	Judge(Percolator percolator) {
		this.percolator = percolator;
	}

	/**
	 * Project and gerencia facts depend on the portfolio and the rule set's parameters
	 * only, so a re-match builds them once, not once per call.
	 */
	private Prepared prepare(Portfolio portfolio, Rules rules) {
		Prepared current = this.prepared;
		if (current != null && current.portfolio() == portfolio && current.version().equals(rules.version())) {
			return current;
		}
		List<ProjectFacts> projects = new ArrayList<>(portfolio.projects().size());
		for (ProjectProfile project : portfolio.projects()) {
			projects.add(FactsAssembler.project(project, rules.parameters()));
		}
		List<ProjectFacts> gerencias = new ArrayList<>(portfolio.gerencias().size());
		for (GerenciaProfile gerencia : portfolio.gerencias()) {
			gerencias.add(FactsAssembler.gerencia(gerencia));
		}
		Prepared fresh = new Prepared(portfolio, rules.version(), projects, gerencias,
				FactsAssembler.applicant(portfolio.organisation(), rules.parameters()));
		this.prepared = fresh;
		return fresh;
	}

	private record Prepared(Portfolio portfolio, String version, List<ProjectFacts> projectFacts,
			List<ProjectFacts> gerenciaFacts, ApplicantFacts applicant) {
	}

	List<Judged> judge(CallView call, Rules rules, Portfolio portfolio, EvaluationContext context) {
		Map<String, Float> themeScores = this.percolator.themeScores(this.percolator.index(call));
		CallFacts callFacts = FactsAssembler.call(call, rules.parameters());
		Prepared ready = prepare(portfolio, rules);
		// Gerencias whose competences fit are judged in the same session (one session per
		// call); only those none of whose projects can use the call keep their verdict.
		List<GerenciaProfile> fitting = new ArrayList<>();
		List<ProjectFacts> fittingFacts = new ArrayList<>();
		List<Float> gerenciaScores = new ArrayList<>();
		Set<Long> covered = new HashSet<>();
		for (int i = 0; i < portfolio.gerencias().size(); i++) {
			GerenciaProfile gerencia = portfolio.gerencias().get(i);
			boolean covers = covers(call, gerencia.competences());
			if (covers) {
				covered.add(gerencia.id());
			}
			float score = Percolator.score(themeScores, gerencia.competences());
			if (score > 0 || covers) {
				fitting.add(gerencia);
				fittingFacts.add(ready.gerenciaFacts().get(i));
				gerenciaScores.add(score);
			}
		}
		List<ProjectProfile> candidates = new ArrayList<>();
		List<ProjectFacts> facts = new ArrayList<>();
		List<Float> scores = new ArrayList<>();
		for (int i = 0; i < portfolio.projects().size(); i++) {
			ProjectProfile project = portfolio.projects().get(i);
			float score = Percolator.score(themeScores, project.themes());
			if (score > 0 || covered.contains(project.gerencia().id())) {
				candidates.add(project);
				facts.add(ready.projectFacts().get(i));
				scores.add(score);
			}
		}
		facts.addAll(fittingFacts);
		List<Assessment> assessments = rules.evaluateAll(callFacts, facts, ready.applicant(), context);
		List<Judged> judged = new ArrayList<>(candidates.size() + fitting.size());
		Set<Long> gerenciasServed = new HashSet<>();
		for (int i = 0; i < candidates.size(); i++) {
			judged.add(new Judged(candidates.get(i), null, assessments.get(i), scores.get(i)));
			if (assessments.get(i).verdict() != Verdict.NOT_ELIGIBLE) {
				gerenciasServed.add(candidates.get(i).gerencia().id());
			}
		}
		for (int i = 0; i < fitting.size(); i++) {
			if (!gerenciasServed.contains(fitting.get(i).id())) {
				judged.add(new Judged(null, fitting.get(i), assessments.get(candidates.size() + i),
						gerenciaScores.get(i)));
			}
		}
		return judged;
	}

	/** Whether the call states a theme among these competences. */
	private static boolean covers(CallView call, List<String> competences) {
		if (call.themes() == null) {
			return false;
		}
		for (String competence : competences) {
			if (call.themes().contains(competence)) {
				return true;
			}
		}
		return false;
	}

	/** One verdict: for a project, or for a gerencia without a fitting project. */
	record Judged(ProjectProfile project, GerenciaProfile gerencia, Assessment assessment, float score) {
	}

}
