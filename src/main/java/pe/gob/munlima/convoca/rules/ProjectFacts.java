package pe.gob.munlima.convoca.rules;

import java.util.List;

/**
 * What the rules know about a project (or a gerencia, whose competences stand in for a
 * project's themes when the gerencia has no project for a call).
 */
public record ProjectFacts(long projectId, String title, List<String> themes, List<String> gerenciaCompetences) {

	public ProjectFacts {
		themes = themes == null ? List.of() : List.copyOf(themes);
		gerenciaCompetences = gerenciaCompetences == null ? List.of() : List.copyOf(gerenciaCompetences);
	}

}
