package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON API responses with Jackson: the items are the nodes a path finds
 * ({@link JsonPath}), each field a path inside the item. An array of plain values gives
 * one value per element (the EU portal wraps every value in an array). A response that is
 * not JSON — HTML from a maintenance page, notes before the payload — is refused with a
 * clear error that says where; nothing is guessed out of it.
 */
final class JsonExtractor implements Extractor {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, JsonPath> paths = new ConcurrentHashMap<>();

	@Override
	public PageInfo read(Body body, Reading reading, Consumer<Item> sink) {
		JsonNode root = parse(body, reading);
		if (reading.items() == null) {
			sink.accept(new JsonItem(root));
		}
		else {
			for (JsonNode node : path(reading.items()).find(root)) {
				if (node.isArray() && !path(reading.items()).many()) {
					node.values().forEach(element -> sink.accept(new JsonItem(element)));
				}
				else {
					sink.accept(new JsonItem(node));
				}
			}
		}
		JsonItem whole = new JsonItem(root);
		String next = reading.next() == null ? null : first(whole.select(reading.next(), false));
		String total = reading.total() == null ? null : first(whole.select(reading.total(), false));
		String nextUrl = next == null || next.isBlank() ? null : reading.base().resolve(next.strip()).toString();
		return new PageInfo(nextUrl, Totals.parse(total));
	}

	private JsonNode parse(Body body, Reading reading) {
		try (InputStream in = body.open()) {
			return this.json.readTree(in);
		}
		catch (JacksonException ex) {
			throw new ExtractionException(reading.base() + ": la respuesta no es JSON válido ("
					+ ex.getOriginalMessage() + describe(ex) + ")", ex);
		}
		catch (IOException ex) {
			throw new ExtractionException(reading.base() + ": " + ex.getMessage(), ex);
		}
	}

	private static String describe(JacksonException ex) {
		return ex.getLocation() == null ? ""
				: ", línea " + ex.getLocation().getLineNr() + ", columna " + ex.getLocation().getColumnNr();
	}

	/** JSON inside a string value (the EU portal's budgetOverview): the path's values. */
	List<String> inside(String text, String path) {
		JsonNode nested;
		try {
			nested = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new ExtractionException("el valor no contiene JSON válido: " + ex.getOriginalMessage(), ex);
		}
		return new JsonItem(nested).select(path, false);
	}

	@Override
	public String check(String locator) {
		try {
			JsonPath.compile(locator);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "ruta JSON inválida: " + ex.getMessage();
		}
	}

	private JsonPath path(String locator) {
		return this.paths.computeIfAbsent(locator, JsonPath::compile);
	}

	private static String first(List<String> values) {
		return values.isEmpty() ? null : values.get(0);
	}

	private final class JsonItem implements Item {

		private final JsonNode node;

		JsonItem(JsonNode node) {
			this.node = node;
		}

		@Override
		public List<String> select(String locator, boolean markup) {
			List<String> values = new ArrayList<>();
			for (JsonNode found : path(locator).find(this.node)) {
				if (found.isArray() && found.valueStream().allMatch(JsonNode::isValueNode)) {
					found.values().forEach(element -> add(values, JsonPath.text(element)));
				}
				else {
					add(values, JsonPath.text(found));
				}
			}
			return values;
		}

		private void add(List<String> values, String value) {
			if (value != null && !value.isBlank()) {
				values.add(value);
			}
		}

	}

}
