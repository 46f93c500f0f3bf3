package pe.gob.munlima.convoca.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * What a source's item would become if stored: the normalised call, or why it cannot be.
 *
 * @param error why the item would be skipped, or null
 * @param status OPEN, FORTHCOMING or CLOSED as the source states it, or null
 */
public record CallPreview(String externalId, String title, String sourceUrl, String language, Instant deadline,
		String deadlineZone, List<String> themes, Requirements requirements, Map<String, String> evidence, String error,
		String funder, String reference, String status, List<KeyDate> keyDates) {

	/**
	 * What a batch of raw items would become, normalised with the vocabulary file given
	 * (and codes.yaml beside it): for checking source definitions against saved pages,
	 * outside the running service.
	 */
	public static List<CallPreview> of(java.nio.file.Path vocabularyFile, SourceInfo source, List<RawCall> items) {
		CallNormaliser normaliser = new CallNormaliser(Vocabulary.load(vocabularyFile),
				SourceCodes.load(vocabularyFile.resolveSibling("codes.yaml")), new LanguageDetector(),
				Clock.systemUTC());
		return of(normaliser, source, items);
	}

	static List<CallPreview> of(CallNormaliser normaliser, SourceInfo source, List<RawCall> items) {
		List<CallPreview> previews = new java.util.ArrayList<>();
		for (RawCall raw : items) {
			try {
				previews.add(of(normaliser.normalise(source, raw)));
			}
			catch (RuntimeException ex) {
				previews.add(failed(raw, ex.getMessage()));
			}
		}
		return previews;
	}

	static CallPreview of(NormalisedCall call) {
		return new CallPreview(call.externalId(), call.title(), call.sourceUrl(), call.language(), call.deadline(),
				call.deadlineZone(), call.themes(), call.requirements(), call.evidence(), null, call.funder(),
				call.reference(), call.sourceStatus(), call.keyDates());
	}

	static CallPreview failed(RawCall raw, String error) {
		return new CallPreview(raw.externalId(), raw.title(), raw.link(), null, null, null, null, Requirements.NONE,
				Map.of(), error, null, null, null, List.of());
	}

}
