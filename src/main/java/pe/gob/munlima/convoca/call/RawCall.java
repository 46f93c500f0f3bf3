package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A call as a source shows it, before normalisation.
 *
 * @param externalId the source's own id for the item (feed guid, API id); with the source
 * id it is the call's stable key
 * @param summaryHtml the item's description as published; sanitised before it is stored
 * @param fields structured fields the source gives, as text, by canonical name; empty for
 * sources that only have a title and a description (most feeds)
 */
public record RawCall(String externalId, String title, String link, String summaryHtml, Instant publishedAt,
		Map<RawField, List<String>> fields) {

	public RawCall {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
	}

	/** An item with no structured fields, such as an RSS entry. */
	public RawCall(String externalId, String title, String link, String summaryHtml, Instant publishedAt) {
		this(externalId, title, link, summaryHtml, publishedAt, Map.of());
	}

	/** The values of a field, empty when the source does not give it. */
	public List<String> values(RawField field) {
		return this.fields.getOrDefault(field, List.of());
	}

	/** The first non-blank value of a field, or null. */
	public String first(RawField field) {
		for (String value : values(field)) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
