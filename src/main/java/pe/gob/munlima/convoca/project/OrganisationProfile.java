package pe.gob.munlima.convoca.project;

import java.util.List;

/**
 * Lima's facts as an applicant, the same for every project.
 *
 * @param applicantType the applicant-type id of reading/vocabulary.yaml
 * (LOCAL_GOVERNMENT)
 * @param country ISO 3166-1 alpha-2 code (PE)
 * @param geographies the regions the country belongs to (LATAM, SOUTH_AMERICA, ODA ...)
 * @param incomeGroup World Bank income group (UPPER_MIDDLE for Peru)
 */
public record OrganisationProfile(String name, String applicantType, String country, List<String> geographies,
		String incomeGroup, long population, List<String> sisterCities, List<String> networks,
		List<String> registrations, List<String> languages) {

}
