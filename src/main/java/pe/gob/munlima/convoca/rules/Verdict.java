package pe.gob.munlima.convoca.rules;

/** The answer for one call and one project or gerencia, worst first. */
public enum Verdict {

	NOT_ELIGIBLE, NEEDS_REVIEW, ELIGIBLE

}
