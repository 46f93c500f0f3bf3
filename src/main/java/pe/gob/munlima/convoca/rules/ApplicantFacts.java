package pe.gob.munlima.convoca.rules;

import java.util.List;

/**
 * The applicant: Lima.
 *
 * @param geographies the country and every region it belongs to (PE, LATAM, ODA ...)
 */
public record ApplicantFacts(String applicantType, String country, List<String> geographies) {

	public ApplicantFacts {
		geographies = geographies == null ? List.of() : List.copyOf(geographies);
	}

}
