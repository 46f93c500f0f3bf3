package pe.gob.munlima.convoca.rules;

import java.util.List;
import java.util.Map;

/**
 * The applicant: Lima.
 *
 * @param geographies the country and every region it belongs to (PE, LATAM, ODA ...)
 * @param incomeGroup World Bank income group of the country, from rules/parameters.yaml
 * @param sisterCitiesByRegion sister cities grouped by region (EU: Madrid, Burdeos,
 * Trento)
 */
public record ApplicantFacts(String applicantType, String country, List<String> geographies, String incomeGroup,
		Long population, List<String> networks, List<String> registrations,
		Map<String, List<String>> sisterCitiesByRegion) {

	public ApplicantFacts {
		geographies = geographies == null ? List.of() : List.copyOf(geographies);
		networks = networks == null ? List.of() : List.copyOf(networks);
		registrations = registrations == null ? List.of() : List.copyOf(registrations);
		sisterCitiesByRegion = sisterCitiesByRegion == null ? Map.of() : Map.copyOf(sisterCitiesByRegion);
	}

	public List<String> sisterCitiesIn(String region) {
		return this.sisterCitiesByRegion.getOrDefault(region, List.of());
	}

	public boolean belongsTo(String network) {
		return this.networks.contains(network);
	}

}
