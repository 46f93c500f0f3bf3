package pe.gob.munlima.convoca.rules;

import java.util.List;

/**
 * What the rules know about a project. A gerencia without a project for a call is judged
 * as a project whose themes are its competences and whose amounts are unknown
 * ({@code gerencia} true).
 *
 * @param requestedUsd what the project asks for, converted to USD
 * @param requestedText the request as the project states it ("PEN 1,500,000")
 * @param budgetUsd total cost, in USD (co-financing is a share of it)
 * @param coFinancingAvailableUsd own funds the municipality can add, in USD
 * @param languages languages the team can write a proposal in
 * @param partnerRegions regions the project's partners belong to (EU for Madrid ...)
 */
public record ProjectFacts(long projectId, String title, List<String> themes, List<String> gerenciaCompetences,
		Double requestedUsd, String requestedText, Double budgetUsd, Double coFinancingAvailableUsd,
		Integer durationMonths, List<String> languages, List<String> partnerRegions, boolean gerencia) {

	public ProjectFacts {
		themes = themes == null ? List.of() : List.copyOf(themes);
		gerenciaCompetences = gerenciaCompetences == null ? List.of() : List.copyOf(gerenciaCompetences);
		languages = languages == null ? List.of() : List.copyOf(languages);
		partnerRegions = partnerRegions == null ? List.of() : List.copyOf(partnerRegions);
	}

	/** Own funds the call's co-financing share asks for, in USD; null when unknown. */
	public Double coFinancingNeededUsd(Double pct) {
		return pct == null || this.budgetUsd == null ? null : this.budgetUsd * pct / 100.0;
	}

}
