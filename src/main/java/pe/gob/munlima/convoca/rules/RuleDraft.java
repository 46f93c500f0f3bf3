package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.List;

/**
 * A saved, not yet active rule file.
 *
 * @param errors what the candidate set (active files plus all drafts) fails on
 */
public record RuleDraft(String file, String savedBy, Instant savedAt, List<RuleError> errors) {

}
