package pe.gob.munlima.convoca.rules;

import java.util.List;

/** Everything the rules admin page shows. */
public record RuleAdminStatus(RuleSetStatus active, List<RuleError> lastErrors, List<RuleDraft> drafts,
		List<RuleVersion> history, List<RuleAudit> audit) {

}
