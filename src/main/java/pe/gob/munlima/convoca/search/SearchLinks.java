package pe.gob.munlima.convoca.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The links of the search page, each the current search with one thing changed: a filter
 * added or removed, another sort, another page, the CSV export. Any change but paging
 * goes back to the first page, since the old page number means nothing in a new result.
 */
final class SearchLinks {

	static final String PAGE_PATH = "/convocatorias";

	static final String CSV_PATH = "/api/calls/search";

	private final MultiValueMap<String, String> params;

	SearchLinks(MultiValueMap<String, String> params) {
		MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
		params.forEach((name, values) -> {
			if (!"page".equals(name) && !"lang".equals(name)) {
				values.stream().filter(value -> value != null && !value.isBlank()).forEach(v -> kept.add(name, v));
			}
		});
		this.params = kept;
	}

	boolean has(String name, String value) {
		return this.params.getOrDefault(name, List.of()).contains(value);
	}

	/** The search with a facet value added, or removed when it was already chosen. */
	String toggle(String name, String value) {
		MultiValueMap<String, String> changed = copy();
		List<String> values = new ArrayList<>(changed.getOrDefault(name, List.of()));
		if (!values.remove(value)) {
			values.add(value);
		}
		set(changed, name, values);
		return url(PAGE_PATH, changed);
	}

	/**
	 * The search with a parameter set to one value (a range bound), or removed if null.
	 */
	String with(String name, String value) {
		MultiValueMap<String, String> changed = copy();
		set(changed, name, value == null ? List.of() : List.of(value));
		return url(PAGE_PATH, changed);
	}

	/** The search with both bounds of a range replaced. */
	String range(String fromName, String from, String toName, String to) {
		MultiValueMap<String, String> changed = copy();
		set(changed, fromName, from == null ? List.of() : List.of(from));
		set(changed, toName, to == null ? List.of() : List.of(to));
		return url(PAGE_PATH, changed);
	}

	String page(int page) {
		MultiValueMap<String, String> changed = copy();
		if (page > 0) {
			changed.add("page", Integer.toString(page));
		}
		return url(PAGE_PATH, changed);
	}

	/** The same search as a CSV file of every matching call (the API's export). */
	String csv() {
		MultiValueMap<String, String> changed = copy();
		changed.remove("size");
		changed.add("format", "csv");
		return url(CSV_PATH, changed);
	}

	private MultiValueMap<String, String> copy() {
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
		this.params.forEach((name, values) -> copy.addAll(name, values));
		return copy;
	}

	/**
	 * Replaces a parameter's values where it stands, so links differ only where they
	 * must.
	 */
	private static void set(MultiValueMap<String, String> params, String name, List<String> values) {
		if (values.isEmpty()) {
			params.remove(name);
		}
		else {
			params.put(name, new ArrayList<>(values));
		}
	}

	/**
	 * Every name and value encoded as a form would ({@code &}, {@code +} and {@code =} in
	 * a funder's name included), which a URI template would leave as they are.
	 */
	private static String url(String path, MultiValueMap<String, String> params) {
		StringJoiner query = new StringJoiner("&");
		params
			.forEach((name, values) -> values.forEach(value -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
					+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return query.length() == 0 ? path : path + "?" + query;
	}

}
