package pe.gob.munlima.convoca.rules;

import java.util.List;

/**
 * The findings of rules that read the call (and Lima) but no project: deadline, applicant
 * type, geography, instrument, network, population, registrations. They hold for every
 * project, so they are computed once per call and added to each project's findings,
 * however many projects are judged in the same session.
 */
public final class CallFindings {

	private final Reasons findings = new Reasons();

	public void notEligible(String ruleId, String messageKey, Object evidence, String fixKey, Object... args) {
		this.findings.notEligible(ruleId, messageKey, evidence, fixKey, args);
	}

	public void needsReview(String ruleId, String messageKey, Object evidence, String fixKey, Object... args) {
		this.findings.needsReview(ruleId, messageKey, evidence, fixKey, args);
	}

	public void pass(String ruleId, String messageKey, Object evidence, Object... args) {
		this.findings.pass(ruleId, messageKey, evidence, args);
	}

	List<Reason> reasons() {
		return this.findings.reasons();
	}

}
