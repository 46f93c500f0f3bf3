package pe.gob.munlima.convoca.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the rules know about a call. Null in a criterion means the call does not state it.
 *
 * @param deadline the last day to apply, in Lima's calendar
 * @param evidence fact name to the sentence of the call it was read from
 */
public record CallFacts(long callId, String title, LocalDate deadline, List<String> applicantTypes,
		List<String> eligibleGeographies, List<String> excludedCountries, List<String> themes, Boolean reimbursable,
		Map<String, String> evidence) {

	public CallFacts {
		evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
	}

	/** The sentence a fact was read from, or the fact's name when there is none. */
	public String evidenceFor(String fact) {
		return this.evidence.getOrDefault(fact, fact);
	}

	public boolean allowsAnyApplicantType(String type) {
		return this.applicantTypes != null && this.applicantTypes.contains(type);
	}

	public boolean allowsAnyGeography(Collection<String> places) {
		return this.eligibleGeographies != null && places.stream().anyMatch(this.eligibleGeographies::contains);
	}

	public boolean excludesAnyGeography(Collection<String> places) {
		return this.excludedCountries != null && places.stream().anyMatch(this.excludedCountries::contains);
	}

	public boolean sharesTheme(Collection<String> other) {
		return this.themes != null && other.stream().anyMatch(this.themes::contains);
	}

}
