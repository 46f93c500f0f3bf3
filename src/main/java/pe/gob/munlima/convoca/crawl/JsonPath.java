package pe.gob.munlima.convoca.crawl;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.Option;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A path of a source definition into a JSON response, evaluated by Jayway JsonPath over
 * Jackson's tree ({@link JacksonTreeProvider}): names ({@code a.b}, {@code ['odd key']}),
 * {@code *} and {@code [*]} for every member or element, {@code [n]} for one element
 * (negative from the end), filters such as {@code [?(@.field == 'x')]}, {@code !=} or
 * {@code =~ /regex/i} (the regular expression must match the whole value, as in Jayway),
 * and the rest of Jayway's syntax. A leading {@code $} is optional. A path starting with
 * "/" is a JSON Pointer (RFC 6901) instead. Compiled once; an invalid path is rejected
 * when the definition loads, with Jayway's account of what is wrong.
 */
final class JsonPath {

	private static final JacksonTreeProvider PROVIDER = new JacksonTreeProvider();

	/** A path that finds nothing answers an empty list, never an exception. */
	private static final Configuration CONFIGURATION = Configuration.builder()
		.jsonProvider(PROVIDER)
		.mappingProvider(PROVIDER)
		.options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
		.build();

	private final com.jayway.jsonpath.JsonPath path;

	private final JsonPointer pointer;

	private JsonPath(com.jayway.jsonpath.JsonPath path, JsonPointer pointer) {
		this.path = path;
		this.pointer = pointer;
	}

	/**
	 * @throws IllegalArgumentException saying what is wrong
	 */
	static JsonPath compile(String path) {
		if (path.startsWith("/")) {
			return new JsonPath(null, JsonPointer.compile(path));
		}
		if (path.isBlank()) {
			throw new IllegalArgumentException("ruta vacía");
		}
		String rooted = path.startsWith("$") ? path : path.startsWith("[") ? "$" + path : "$." + path;
		try {
			return new JsonPath(com.jayway.jsonpath.JsonPath.compile(rooted), null);
		}
		catch (InvalidPathException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (" + path + ")", ex);
		}
	}

	/** Whether the path can find more than one node (it has * or a filter). */
	boolean many() {
		return this.path != null && !this.path.isDefinite();
	}

	List<JsonNode> find(JsonNode root) {
		if (this.pointer != null) {
			JsonNode found = root.at(this.pointer);
			return found.isMissingNode() ? List.of() : List.of(found);
		}
		Object found = this.path.read(root, CONFIGURATION);
		if (!(found instanceof List<?> values)) {
			return List.of();
		}
		List<JsonNode> nodes = new ArrayList<>(values.size());
		for (Object value : values) {
			JsonNode node = JacksonTreeProvider.node(value);
			if (!node.isMissingNode()) {
				nodes.add(node);
			}
		}
		return nodes;
	}

	/**
	 * A node as text: strings as they are, numbers in plain notation, null as nothing.
	 */
	static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().toString();
		}
		if (node.isNumber()) {
			return node.decimalValue().stripTrailingZeros().toPlainString();
		}
		if (node.isBoolean()) {
			return String.valueOf(node.booleanValue());
		}
		return node.toString();
	}

}
