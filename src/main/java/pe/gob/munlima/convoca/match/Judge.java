package pe.gob.munlima.convoca.match;

import java.util.ArrayList;
import java.util.HashMap;
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
	 * Project and gerencia facts, and the positions of their themes among the
	 * percolator's, depend on the portfolio and the rule set's parameters only, so a
	 * re-match builds them once, not once per call.
	 */
	private Prepared prepare(Portfolio portfolio, Rules rules) {
		Prepared current = this.prepared;
		if (current != null && current.portfolio() == portfolio && current.version().equals(rules.version())) {
			return current;
		}
		int projectCount = portfolio.projects().size();
		List<ProjectFacts> projects = new ArrayList<>(projectCount);
		int[][] projectThemes = new int[projectCount][];
		int[] projectGerencia = new int[projectCount];
		Map<Long, Integer> gerenciaIndex = new HashMap<>();
		for (int g = 0; g < portfolio.gerencias().size(); g++) {
			gerenciaIndex.put(portfolio.gerencias().get(g).id(), g);
		}
		for (int i = 0; i < projectCount; i++) {
			ProjectProfile project = portfolio.projects().get(i);
			projects.add(FactsAssembler.project(project, rules.parameters()));
			projectThemes[i] = this.percolator.themeIndexes(project.themes());
			projectGerencia[i] = gerenciaIndex.getOrDefault(project.gerencia().id(), -1);
		}
		List<ProjectFacts> gerencias = new ArrayList<>(portfolio.gerencias().size());
		int[][] competences = new int[portfolio.gerencias().size()][];
		for (int g = 0; g < portfolio.gerencias().size(); g++) {
			GerenciaProfile gerencia = portfolio.gerencias().get(g);
			gerencias.add(FactsAssembler.gerencia(gerencia));
			competences[g] = this.percolator.themeIndexes(gerencia.competences());
		}
		Prepared fresh = new Prepared(portfolio, rules.version(), projects, projectThemes, projectGerencia, gerencias,
				competences, FactsAssembler.applicant(portfolio.organisation(), rules.parameters()));
		this.prepared = fresh;
		return fresh;
	}

	/**
	 * @param projectGerencia for each project, its gerencia's position in the portfolio
	 * (-1 if it is not there)
	 */
	private record Prepared(Portfolio portfolio, String version, List<ProjectFacts> projectFacts, int[][] projectThemes,
			int[] projectGerencia, List<ProjectFacts> gerenciaFacts, int[][] competences, ApplicantFacts applicant) {
	}

	List<Judged> judge(CallView call, Rules rules, Portfolio portfolio, EvaluationContext context) {
		float[] themeScores = this.percolator.themeScores(call);
		CallFacts callFacts = FactsAssembler.call(call, rules.parameters());
		Prepared ready = prepare(portfolio, rules);
		// Gerencias whose competences fit are judged in the same session (one session per
		// call); only those none of whose projects can use the call keep their verdict.
		List<GerenciaProfile> gerencias = portfolio.gerencias();
		boolean[] covered = new boolean[gerencias.size()];
		List<GerenciaProfile> fitting = new ArrayList<>();
		List<ProjectFacts> fittingFacts = new ArrayList<>();
		List<Float> gerenciaScores = new ArrayList<>();
		for (int g = 0; g < gerencias.size(); g++) {
			covered[g] = covers(call, gerencias.get(g).competences());
			float score = Percolator.score(themeScores, ready.competences()[g]);
			if (score > 0 || covered[g]) {
				fitting.add(gerencias.get(g));
				fittingFacts.add(ready.gerenciaFacts().get(g));
				gerenciaScores.add(score);
			}
		}
		List<ProjectProfile> candidates = new ArrayList<>();
		List<ProjectFacts> facts = new ArrayList<>();
		List<Float> scores = new ArrayList<>();
		for (int i = 0; i < portfolio.projects().size(); i++) {
			ProjectProfile project = portfolio.projects().get(i);
			float score = Percolator.score(themeScores, ready.projectThemes()[i]);
			int gerencia = ready.projectGerencia()[i];
			if (score > 0 || (gerencia >= 0 ? covered[gerencia] : covers(call, project.gerencia().competences()))) {
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
