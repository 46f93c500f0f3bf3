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

	Judge(Percolator percolator) {
		this.percolator = percolator;
	}

	List<Judged> judge(CallView call, Rules rules, Portfolio portfolio, EvaluationContext context) {
		Map<String, Float> themeScores = this.percolator.themeScores(this.percolator.index(call));
		CallFacts callFacts = FactsAssembler.call(call, rules.parameters());
		ApplicantFacts applicant = FactsAssembler.applicant(portfolio.organisation(), rules.parameters());
		List<ProjectProfile> candidates = new ArrayList<>();
		List<ProjectFacts> facts = new ArrayList<>();
		List<Float> scores = new ArrayList<>();
		for (ProjectProfile project : portfolio.projects()) {
			float score = Percolator.score(themeScores, project.themes());
			if (score > 0 || covers(call, project.gerencia().competences())) {
				candidates.add(project);
				facts.add(FactsAssembler.project(project, rules.parameters()));
				scores.add(score);
			}
		}
		List<Judged> judged = new ArrayList<>();
		Set<Long> gerenciasServed = new HashSet<>();
		List<Assessment> assessments = rules.evaluateAll(callFacts, facts, applicant, context);
		for (int i = 0; i < candidates.size(); i++) {
			judged.add(new Judged(candidates.get(i), null, assessments.get(i), scores.get(i)));
			if (assessments.get(i).verdict() != Verdict.NOT_ELIGIBLE) {
				gerenciasServed.add(candidates.get(i).gerencia().id());
			}
		}
		List<GerenciaProfile> idle = new ArrayList<>();
		List<ProjectFacts> gerenciaFacts = new ArrayList<>();
		List<Float> gerenciaScores = new ArrayList<>();
		for (GerenciaProfile gerencia : portfolio.gerencias()) {
			float score = Percolator.score(themeScores, gerencia.competences());
			if ((score > 0 || covers(call, gerencia.competences())) && !gerenciasServed.contains(gerencia.id())) {
				idle.add(gerencia);
				gerenciaFacts.add(FactsAssembler.gerencia(gerencia));
				gerenciaScores.add(score);
			}
		}
		List<Assessment> forGerencias = rules.evaluateAll(callFacts, gerenciaFacts, applicant, context);
		for (int i = 0; i < idle.size(); i++) {
			judged.add(new Judged(null, idle.get(i), forGerencias.get(i), gerenciaScores.get(i)));
		}
		return judged;
	}

	private static boolean covers(CallView call, List<String> competences) {
		return call.themes() != null && competences.stream().anyMatch(call.themes()::contains);
	}

	/** One verdict: for a project, or for a gerencia without a fitting project. */
	record Judged(ProjectProfile project, GerenciaProfile gerencia, Assessment assessment, float score) {
	}

}
