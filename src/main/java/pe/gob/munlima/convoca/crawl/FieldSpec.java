package pe.gob.munlima.convoca.crawl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Where one field of a call is in a source, and how its text is cut. Written as a plain
 * string (the locator) or as an object.
 *
 * @param from locators, read in order and all kept: a CSS selector with an optional
 * {@code @attribute} (html, markdown), a path (json-api: a.b[*].c or a JSON Pointer), an
 * element path (xml: a/b[@type='x']/@attr), a column (csv) or a feed part (rss, atom)
 * @param all every match is a value (default: only the first, except for paths with [*])
 * @param pattern a regular expression each value must contain; its first group (or the
 * whole match) is kept
 * @param split a regular expression that cuts each value into several
 * @param json the value is JSON inside a string: this path is read inside it; ${field}
 * stands for a field already read (quoted for a regular expression), to pick the item's
 * own entry
 * @param markup keep the HTML of the match instead of its text (for a summary)
 * @param value a constant, for what a source does not state but always means
 * @param format each value placed in a text at ${value}, to build an address from an id
 */
record FieldSpec(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> from, Boolean all,
		String pattern, String split, String json, Boolean markup, String value, String format) {

	FieldSpec {
		from = from == null ? List.of() : List.copyOf(from);
	}

	/** The short form: the locator alone. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static FieldSpec of(String from) {
		return new FieldSpec(List.of(from), null, null, null, null, null, null, null);
	}

	/** The list form: several locators, all read. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static FieldSpec of(List<String> from) {
		return new FieldSpec(from, null, null, null, null, null, null, null);
	}

	boolean every() {
		return Boolean.TRUE.equals(this.all);
	}

	boolean html() {
		return Boolean.TRUE.equals(this.markup);
	}

}
