package pe.gob.munlima.convoca.crawl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import pe.gob.munlima.convoca.call.RawField;

/**
 * The field names a definition's mapping may use: the call's own (id, title, link,
 * summary, published) and, in lower camel case, the structured fields of {@link RawField}
 * (reference, deadline, amountMax, applicantTypes...).
 */
final class FieldNames {

	static final String ID = "id";

	static final String TITLE = "title";

	static final String LINK = "link";

	static final String SUMMARY = "summary";

	static final String PUBLISHED = "published";

	static final Set<String> CORE = Set.of(ID, TITLE, LINK, SUMMARY, PUBLISHED);

	/** Every structured field by its name in a definition. */
	static final Map<String, RawField> RAW;

	static {
		Map<String, RawField> raw = new LinkedHashMap<>();
		for (RawField field : RawField.values()) {
			raw.put(camel(field.name()), field);
		}
		RAW = Collections.unmodifiableMap(raw);
	}

	private FieldNames() {
	}

	static boolean known(String name) {
		return CORE.contains(name) || RAW.containsKey(name);
	}

	static List<String> all() {
		List<String> names = new java.util.ArrayList<>(List.of(ID, TITLE, LINK, SUMMARY, PUBLISHED));
		names.addAll(RAW.keySet());
		return names;
	}

	/** AMOUNT_MAX → amountMax. */
	static String camel(String constant) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

}
