package pe.gob.munlima.convoca.crawl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.RawField;

/**
 * Applies a definition's field mapping to an extracted item: reads each field's locators,
 * cuts the text by pattern and split, reads JSON inside strings, and builds the
 * {@link RawCall} with the structured fields as the source wrote them (the call module
 * normalises them). Also decides whether an item passes the definition's filter.
 */
final class ItemMapper {

	/** What a feed entry gives when its definition maps nothing. */
	static final Map<String, FieldSpec> FEED_DEFAULTS = feedDefaults();

	private final JsonExtractor json;

	private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	ItemMapper(JsonExtractor json) {
		this.json = json;
	}

	/**
	 * The values of every mapped field of an item.
	 * @param keepAll every value a locator finds is kept (json-api, csv, feeds);
	 * otherwise only the first, unless the field says {@code all: true}
	 */
	Map<String, List<String>> values(Item item, Map<String, FieldSpec> fields, boolean keepAll) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		fields.forEach((name, spec) -> {
			List<String> found = values(item, spec, keepAll || spec.every(), values);
			if (!found.isEmpty()) {
				values.put(name, found);
			}
		});
		return values;
	}

	private List<String> values(Item item, FieldSpec spec, boolean all, Map<String, List<String>> known) {
		if (spec.value() != null) {
			return List.of(spec.value());
		}
		String inside = spec.json() == null ? null : withKnown(spec.json(), known);
		Set<String> values = new LinkedHashSet<>();
		for (String locator : spec.from()) {
			List<String> found = item.select(locator, spec.html());
			if (!all && found.size() > 1) {
				found = found.subList(0, 1);
			}
			for (String value : found) {
				for (String inner : inside == null ? List.of(value) : this.json.inside(value, inside)) {
					cut(inner, spec, values);
				}
			}
		}
		if (spec.format() == null) {
			return List.copyOf(values);
		}
		return values.stream().map(value -> spec.format().replace("${value}", value)).toList();
	}

	/**
	 * ${field} in a path inside JSON becomes that field's first value, every character
	 * escaped, so it can sit in a regular expression of a filter.
	 */
	private static String withKnown(String path, Map<String, List<String>> known) {
		if (!path.contains("${")) {
			return path;
		}
		Matcher placeholder = Templates.PLACEHOLDER.matcher(path);
		StringBuilder out = new StringBuilder();
		while (placeholder.find()) {
			List<String> value = known.get(placeholder.group(1));
			if (value == null || value.isEmpty()) {
				throw new ExtractionException("el ítem no tiene " + placeholder.group(1) + " para leer " + path);
			}
			StringBuilder escaped = new StringBuilder();
			for (char c : value.get(0).toCharArray()) {
				escaped.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
			}
			placeholder.appendReplacement(out, Matcher.quoteReplacement(escaped.toString()));
		}
		placeholder.appendTail(out);
		return out.toString();
	}

	/** The pattern first (what to keep of the text), then the split (into several). */
	private void cut(String value, FieldSpec spec, Set<String> into) {
		String kept = value;
		if (spec.pattern() != null) {
			Matcher matcher = pattern(spec.pattern()).matcher(value);
			if (!matcher.find()) {
				return;
			}
			kept = firstGroup(matcher);
		}
		List<String> parts = spec.split() == null ? List.of(kept) : List.of(pattern(spec.split()).split(kept));
		for (String part : parts) {
			String stripped = part.strip();
			if (!stripped.isEmpty()) {
				into.add(stripped);
			}
		}
	}

	/**
	 * The first group that took part in the match (alternatives), else the whole match.
	 */
	private static String firstGroup(Matcher matcher) {
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (matcher.group(group) != null) {
				return matcher.group(group);
			}
		}
		return matcher.group();
	}

	/** Whether the filter keeps an item with these values. */
	boolean kept(Map<String, List<String>> values, SourceDefinition.Filter filter) {
		if (filter == null) {
			return true;
		}
		for (SourceDefinition.Condition condition : filter.dropIf()) {
			if (holds(values, condition)) {
				return false;
			}
		}
		if (filter.keepIf().isEmpty()) {
			return true;
		}
		return filter.keepIf().stream().anyMatch(condition -> holds(values, condition));
	}

	private boolean holds(Map<String, List<String>> values, SourceDefinition.Condition condition) {
		Pattern pattern = pattern(condition.matches());
		return values.getOrDefault(condition.field(), List.of())
			.stream()
			.anyMatch(value -> pattern.matcher(value).find());
	}

	/**
	 * The raw call these values describe.
	 * @throws ExtractionException when the item has no title
	 */
	RawCall call(Map<String, List<String>> values) {
		String title = first(values, FieldNames.TITLE);
		String link = first(values, FieldNames.LINK);
		if (title == null) {
			throw new ExtractionException("ítem sin título" + (link == null ? "" : " (" + link + ")"));
		}
		Map<RawField, List<String>> fields = new EnumMap<>(RawField.class);
		FieldNames.RAW.forEach((name, field) -> {
			List<String> found = values.get(name);
			if (found != null) {
				fields.put(field, found);
			}
		});
		String id = first(values, FieldNames.ID);
		if (id == null) {
			// The link is known from the listing; a reference may come only from a
			// detail.
			id = link != null ? link
					: fields.containsKey(RawField.REFERENCE) ? fields.get(RawField.REFERENCE).get(0) : title;
		}
		List<String> summary = values.getOrDefault(FieldNames.SUMMARY, List.of());
		return new RawCall(id, title, link, summary.isEmpty() ? null : String.join("\n", summary),
				instant(first(values, FieldNames.PUBLISHED)), fields);
	}

	private static String first(Map<String, List<String>> values, String name) {
		List<String> found = values.get(name);
		return found == null || found.isEmpty() ? null : found.get(0);
	}

	/**
	 * A publication date written as an ISO instant, offset date-time or date, else none.
	 */
	static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value)
				.atStartOfDay()
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private Pattern pattern(String regex) {
		return this.patterns.computeIfAbsent(regex, r -> Pattern.compile(r, Pattern.UNICODE_CASE));
	}

	private static Map<String, FieldSpec> feedDefaults() {
		Map<String, FieldSpec> defaults = new LinkedHashMap<>();
		for (String part : List.of(FieldNames.ID, FieldNames.TITLE, FieldNames.LINK, FieldNames.SUMMARY,
				FieldNames.PUBLISHED)) {
			defaults.put(part, FieldSpec.of(part));
		}
		return java.util.Collections.unmodifiableMap(defaults);
	}

	/** The fields to map for a definition: a feed's defaults completed by its own. */
	static Map<String, FieldSpec> fields(Kind kind, Map<String, FieldSpec> declared) {
		if (!kind.feed()) {
			return declared;
		}
		Map<String, FieldSpec> all = new LinkedHashMap<>(FEED_DEFAULTS);
		all.putAll(declared);
		return all;
	}

	/** Values of the detail win over the listing's, field by field. */
	static Map<String, List<String>> merge(Map<String, List<String>> listing, Map<String, List<String>> detail) {
		Map<String, List<String>> merged = new LinkedHashMap<>(listing);
		merged.putAll(detail);
		return merged;
	}

	/** The values as text for ${name} placeholders (the first value of each field). */
	static Map<String, String> placeholders(Map<String, List<String>> values) {
		Map<String, String> first = new LinkedHashMap<>();
		values.forEach((name, found) -> first.put(name, found.get(0)));
		return first;
	}

}
