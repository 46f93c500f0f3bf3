package pe.gob.munlima.convoca.tracking;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an application stands, from the match Convoca found to the money obtained. The
 * office's own words are accepted as aliases in the API ({@code "postulando"} for
 * {@link #APPLYING}); labels come from the bundles ({@code stage.APPLYING}).
 */
public enum Stage {

	/** Convoca found the match; nobody has looked at it yet ("identificada"). */
	IDENTIFIED("identificada"),

	/** The office and the gerencia weigh whether to apply ("en evaluación"). */
	EVALUATING("en_evaluacion"),

	/**
	 * The application is being prepared, with its checklist ("postulando"); deadline
	 * reminders follow these.
	 */
	APPLYING("postulando"),

	/** Sent to the funder ("presentada"). */
	SUBMITTED("presentada"),

	/** The funder granted it ("adjudicada"): amount, currency, date, document. */
	AWARDED("adjudicada"),

	/** The funder turned it down ("no adjudicada"). */
	NOT_AWARDED("no_adjudicada"),

	/** The municipality decided not to apply ("descartada"), with a reason. */
	DISCARDED("descartada");

	private final String alias;

	Stage(String alias) {
		this.alias = alias;
	}

	/** The Spanish code the office uses, e.g. {@code postulando}. */
	public String alias() {
		return this.alias;
	}

	/** A final stage is never left: the outcome is recorded for good. */
	public boolean isFinal() {
		return this == AWARDED || this == NOT_AWARDED || this == DISCARDED;
	}

	/**
	 * The stage named {@code name}: {@code APPLYING}, {@code applying} or
	 * {@code postulando} (accents, spaces and case ignored: "en evaluación" works).
	 */
	public static Optional<Stage> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String folded = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace(' ', '_')
			.replace('-', '_')
			.toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(stage -> stage.name().toLowerCase(Locale.ROOT).equals(folded) || stage.alias.equals(folded))
			.findFirst();
	}

}
