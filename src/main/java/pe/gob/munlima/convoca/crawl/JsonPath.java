package pe.gob.munlima.convoca.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The small part of JSONPath that source definitions need, over Jackson's tree: names
 * ({@code a.b}, {@code ['odd key']}), {@code *} and {@code [*]} for every member or
 * element, {@code [n]} for one element (negative from the end), and one filter form,
 * {@code [?(@.field == 'x')]}, {@code !=} or {@code =~ /regex/}. A leading {@code $} is
 * optional. A path starting with "/" is a JSON Pointer (RFC 6901) instead. Compiled once;
 * an invalid path is rejected when the definition loads, with the position.
 */
final class JsonPath {

	private final List<Step> steps;

	private final JsonPointer pointer;

	private JsonPath(List<Step> steps, JsonPointer pointer) {
		this.steps = steps;
		this.pointer = pointer;
	}

	/**
	 * @throws IllegalArgumentException with the position of what is wrong
	 */
	static JsonPath compile(String path) {
		if (path.startsWith("/")) {
			return new JsonPath(List.of(), JsonPointer.compile(path));
		}
		return new JsonPath(new Parser(path).parse(), null);
	}

	/** Whether the path can find more than one node (it has * or a filter). */
	boolean many() {
		return this.steps.stream().anyMatch(step -> !(step instanceof Name) && !(step instanceof Index));
	}

	List<JsonNode> find(JsonNode root) {
		if (this.pointer != null) {
			JsonNode found = root.at(this.pointer);
			return found.isMissingNode() ? List.of() : List.of(found);
		}
		List<JsonNode> current = List.of(root);
		for (Step step : this.steps) {
			List<JsonNode> next = new ArrayList<>();
			for (JsonNode node : current) {
				step.apply(node, next);
			}
			current = next;
			if (current.isEmpty()) {
				break;
			}
		}
		return current;
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
			String plain = node.decimalValue().stripTrailingZeros().toPlainString();
			return plain;
		}
		if (node.isBoolean()) {
			return String.valueOf(node.booleanValue());
		}
		return node.toString();
	}

	private sealed interface Step permits Name, Index, Wildcard, Filter {

		void apply(JsonNode node, List<JsonNode> out);

	}

	private record Name(String name) implements Step {

		@Override
		public void apply(JsonNode node, List<JsonNode> out) {
			JsonNode child = node.get(this.name);
			if (child != null && !child.isMissingNode()) {
				out.add(child);
			}
		}

	}

	private record Index(int index) implements Step {

		@Override
		public void apply(JsonNode node, List<JsonNode> out) {
			if (node.isArray()) {
				int at = this.index < 0 ? node.size() + this.index : this.index;
				if (at >= 0 && at < node.size()) {
					out.add(node.get(at));
				}
			}
		}

	}

	private record Wildcard() implements Step {

		@Override
		public void apply(JsonNode node, List<JsonNode> out) {
			if (node.isArray() || node.isObject()) {
				node.values().forEach(out::add);
			}
		}

	}

	/** [?(@.a.b == 'x')]: array elements (or object members) whose field matches. */
	private record Filter(List<String> field, String operator, String literal, Pattern regex) implements Step {

		@Override
		public void apply(JsonNode node, List<JsonNode> out) {
			if (!node.isArray() && !node.isObject()) {
				return;
			}
			for (JsonNode element : node.values()) {
				JsonNode value = element;
				for (String name : this.field) {
					value = value == null ? null : value.get(name);
				}
				String text = text(value);
				boolean holds = switch (this.operator) {
					case "==" -> this.literal.equals(text);
					case "!=" -> !this.literal.equals(text);
					default -> text != null && this.regex.matcher(text).find();
				};
				if (holds) {
					out.add(element);
				}
			}
		}

	}

	/** A hand-written parser: the grammar is tiny and errors name the position. */
	private static final class Parser {

		private final String path;

		private int at;

		Parser(String path) {
			this.path = path;
		}

		List<Step> parse() {
			List<Step> steps = new ArrayList<>();
			if (this.path.isBlank()) {
				throw error("ruta vacía");
			}
			if (peek('$')) {
				this.at++;
			}
			else {
				steps.add(name());
			}
			while (this.at < this.path.length()) {
				char c = this.path.charAt(this.at);
				if (c == '.') {
					this.at++;
					if (peek('*')) {
						this.at++;
						steps.add(new Wildcard());
					}
					else {
						steps.add(name());
					}
				}
				else if (c == '[') {
					steps.add(bracket());
				}
				else {
					throw error("se esperaba '.' o '['");
				}
			}
			return List.copyOf(steps);
		}

		private Step name() {
			int start = this.at;
			while (this.at < this.path.length() && ".[]".indexOf(this.path.charAt(this.at)) < 0) {
				this.at++;
			}
			if (this.at == start) {
				throw error("falta un nombre");
			}
			String name = this.path.substring(start, this.at);
			return "*".equals(name) ? new Wildcard() : new Name(name);
		}

		private Step bracket() {
			this.at++;
			Step step;
			if (peek('*')) {
				this.at++;
				step = new Wildcard();
			}
			else if (peek('\'') || peek('"')) {
				step = new Name(quoted());
			}
			else if (peek('?')) {
				step = filter();
			}
			else {
				int start = this.at;
				while (this.at < this.path.length() && (Character.isDigit(this.path.charAt(this.at))
						|| (this.at == start && this.path.charAt(this.at) == '-'))) {
					this.at++;
				}
				try {
					step = new Index(Integer.parseInt(this.path.substring(start, this.at)));
				}
				catch (NumberFormatException ex) {
					throw error("se esperaba *, un número, un nombre entre comillas o un filtro ?(...)");
				}
			}
			expect(']');
			return step;
		}

		private Step filter() {
			expect('?');
			expect('(');
			expect('@');
			List<String> field = new ArrayList<>();
			while (peek('.')) {
				this.at++;
				int start = this.at;
				while (this.at < this.path.length() && (Character.isLetterOrDigit(this.path.charAt(this.at))
						|| "_-".indexOf(this.path.charAt(this.at)) >= 0)) {
					this.at++;
				}
				if (start == this.at) {
					throw error("falta el nombre del campo del filtro");
				}
				field.add(this.path.substring(start, this.at));
			}
			if (field.isEmpty()) {
				throw error("el filtro debe nombrar un campo: @.campo");
			}
			skipSpaces();
			String operator;
			if (this.path.startsWith("==", this.at) || this.path.startsWith("!=", this.at)
					|| this.path.startsWith("=~", this.at)) {
				operator = this.path.substring(this.at, this.at + 2);
				this.at += 2;
			}
			else {
				throw error("operador desconocido: use ==, != o =~");
			}
			skipSpaces();
			String literal = null;
			Pattern regex = null;
			if ("=~".equals(operator)) {
				expect('/');
				int end = this.at;
				while (end < this.path.length() && this.path.charAt(end) != '/') {
					end += this.path.charAt(end) == '\\' ? 2 : 1;
				}
				if (end >= this.path.length()) {
					throw error("falta la / que cierra la expresión regular");
				}
				String source = this.path.substring(this.at, end);
				this.at = end + 1;
				boolean ignoreCase = peek('i');
				if (ignoreCase) {
					this.at++;
				}
				try {
					regex = Pattern.compile(source, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
				}
				catch (PatternSyntaxException ex) {
					throw error("expresión regular inválida: " + ex.getDescription());
				}
			}
			else if (peek('\'') || peek('"')) {
				literal = quoted();
			}
			else {
				int start = this.at;
				while (this.at < this.path.length() && this.path.charAt(this.at) != ')') {
					this.at++;
				}
				literal = this.path.substring(start, this.at).strip();
			}
			skipSpaces();
			expect(')');
			return new Filter(List.copyOf(field), operator, literal, regex);
		}

		private String quoted() {
			char quote = this.path.charAt(this.at++);
			int end = this.path.indexOf(quote, this.at);
			if (end < 0) {
				throw error("falta la comilla de cierre");
			}
			String value = this.path.substring(this.at, end);
			this.at = end + 1;
			return value;
		}

		private void skipSpaces() {
			while (peek(' ')) {
				this.at++;
			}
		}

		private boolean peek(char c) {
			return this.at < this.path.length() && this.path.charAt(this.at) == c;
		}

		private void expect(char c) {
			if (!peek(c)) {
				throw error("se esperaba '" + c + "'");
			}
			this.at++;
		}

		private IllegalArgumentException error(String what) {
			return new IllegalArgumentException(what + " en la posición " + (this.at + 1) + " de " + this.path);
		}

	}

}
