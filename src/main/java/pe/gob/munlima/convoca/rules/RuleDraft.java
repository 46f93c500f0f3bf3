package pe.gob.munlima.convoca.rules;

import java.time.Instant;
import java.util.List;

/**
 * A saved, not yet active rule file, or one refused before it was saved.
 *
 * @param errors what the candidate set (active files plus all drafts) fails on, or why
 * the file itself was refused
 * @param stored false when the file was refused before it was stored (allow-list, size,
 * characters): nothing of it was kept or run
 */
public record RuleDraft(String file, String savedBy, Instant savedAt, List<RuleError> errors, boolean stored) {

	public RuleDraft(String file, String savedBy, Instant savedAt, List<RuleError> errors) {
		this(file, savedBy, savedAt, errors, true);
	}

}
