package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a source's item would become if stored: the normalised call, or why it cannot be.
 *
 * @param error why the item would be skipped, or null
 */
public record CallPreview(String externalId, String title, String sourceUrl, String language, Instant deadline,
		String deadlineZone, BigDecimal amountMin, BigDecimal amountMax, String currency, List<String> applicantTypes,
		List<String> eligibleGeographies, List<String> themes, Boolean reimbursable, Map<String, String> evidence,
		String error) {

	static CallPreview of(NormalisedCall call) {
		return new CallPreview(call.externalId(), call.title(), call.sourceUrl(), call.language(), call.deadline(),
				call.deadlineZone(), call.amountMin(), call.amountMax(), call.currency(), call.applicantTypes(),
				call.eligibleGeographies(), call.themes(), call.reimbursable(), call.evidence(), null);
	}

	static CallPreview failed(RawCall raw, String error) {
		return new CallPreview(raw.externalId(), raw.title(), raw.link(), null, null, null, null, null, null, null,
				null, null, null, Map.of(), error);
	}

}
