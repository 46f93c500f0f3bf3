package pe.gob.munlima.convoca.rules;

/** What one finding does to the verdict: any NOT_ELIGIBLE wins, then any NEEDS_REVIEW. */
public enum Severity {

	NOT_ELIGIBLE, NEEDS_REVIEW, PASS

}
