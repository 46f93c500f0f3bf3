package pe.gob.munlima.convoca.rules;

import java.util.Set;

import pe.gob.munlima.convoca.requirement.Confirmation;
import pe.gob.munlima.convoca.requirement.RequirementFacts;

/**
 * The evidence a rule gives for a finding: the words, the fact of the call they state,
 * and whether the office confirmed that fact. Rules get one from
 * {@link CallFacts#evidenceFor(String)}; a rule that names a fact the call does not state
 * gives the fact's name instead ({@code "applicantTypes"}), which is read as the same.
 *
 * @param fact the fact of the call, or null for evidence about no fact of the call
 * @param text the sentence of the call, the source's field, or the fact's name
 * @param confirmed when the office confirmed the fact, or null
 */
public record Quote(String fact, String text, Confirmation confirmed) {

	/** Facts rules name that are not requirements: the call's dates, themes and money. */
	private static final Set<String> OTHER_FACTS = Set.of("deadline", "themes", "amount");

	/** Every name a rule may give for a fact: read once, asked for every finding. */
	private static final Set<String> FACT_NAMES = Set.copyOf(RequirementFacts.names());

	/** The quote a rule gave, or one read from the words (or fact name) it gave. */
	static Quote of(Object evidence) {
		if (evidence instanceof Quote quote) {
			return quote;
		}
		String text = evidence == null ? null : evidence.toString();
		boolean named = text != null && (OTHER_FACTS.contains(text) || FACT_NAMES.contains(text));
		return new Quote(named ? text : null, text, null);
	}

	/** The words, so a rule may use a quote wherever it used the sentence. */
	@Override
	public String toString() {
		return this.text;
	}

}
