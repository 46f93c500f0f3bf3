package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.TypeRef;
import com.jayway.jsonpath.spi.json.JsonProvider;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jayway JsonPath over Jackson 3's tree, which the crawler already parses responses into:
 * Jayway ships providers for Jackson 2 and json-smart only. Containers stay
 * {@link JsonNode}s, so a path finds the nodes of the response itself (numbers keep their
 * precision); leaves are unwrapped to Java values where Jayway compares them in a filter,
 * and {@link #node(Object)} turns such a value back into a node. Results are collected in
 * a plain list.
 */
final class JacksonTreeProvider implements JsonProvider, MappingProvider {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper VALUES = JsonMapper.builder().build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Object parse(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidJsonException(ex);
		}
	}

	@Override
	public Object parse(InputStream in, String charset) {
		try (in) {
			return this.json.readTree(in);
		}
		catch (JacksonException ex) {
			throw new InvalidJsonException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toJson(Object value) {
		return node(value).toString();
	}

	@Override
	public Object createArray() {
		return new ArrayList<>();
	}

	@Override
	public Object createMap() {
		return NODES.objectNode();
	}

	@Override
	public boolean isArray(Object value) {
		return value instanceof ArrayNode || value instanceof List;
	}

	@Override
	public int length(Object value) {
		if (value instanceof List<?> list) {
			return list.size();
		}
		if (value instanceof JsonNode node && node.isContainer()) {
			return node.size();
		}
		if (value instanceof String text) {
			return text.length();
		}
		throw new IllegalArgumentException("no length: " + value);
	}

	@Override
	public Iterable<?> toIterable(Object value) {
		if (value instanceof List<?> list) {
			return list;
		}
		if (value instanceof ArrayNode array) {
			return array.values();
		}
		throw new IllegalArgumentException("not an array: " + value);
	}

	@Override
	public Collection<String> getPropertyKeys(Object value) {
		if (value instanceof ObjectNode object) {
			return object.propertyNames();
		}
		throw new IllegalArgumentException("not an object: " + value);
	}

	@Override
	public Object getArrayIndex(Object array, int index) {
		return array instanceof List<?> list ? list.get(index) : ((ArrayNode) array).get(index);
	}

	@Override
	@Deprecated
	public Object getArrayIndex(Object array, int index, boolean unwrap) {
		Object value = getArrayIndex(array, index);
		return unwrap ? unwrap(value) : value;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void setArrayIndex(Object array, int index, Object value) {
		if (array instanceof List<?> list) {
			List<Object> values = (List<Object>) list;
			if (index == values.size()) {
				values.add(value);
			}
			else {
				values.set(index, value);
			}
		}
		else {
			ArrayNode node = (ArrayNode) array;
			if (index == node.size()) {
				node.add(node(value));
			}
			else {
				node.set(index, node(value));
			}
		}
	}

	@Override
	public Object getMapValue(Object object, String key) {
		JsonNode node = (JsonNode) object;
		return node.has(key) ? node.get(key) : UNDEFINED;
	}

	@Override
	public void setProperty(Object object, Object key, Object value) {
		if (object instanceof ObjectNode node) {
			node.set(String.valueOf(key), node(value));
		}
		else {
			setArrayIndex(object, Integer.parseInt(String.valueOf(key)), value);
		}
	}

	@Override
	public void removeProperty(Object object, Object key) {
		if (object instanceof ObjectNode node) {
			node.remove(String.valueOf(key));
		}
		else if (object instanceof List<?> list) {
			list.remove(Integer.parseInt(String.valueOf(key)));
		}
		else {
			((ArrayNode) object).remove(Integer.parseInt(String.valueOf(key)));
		}
	}

	@Override
	public boolean isMap(Object value) {
		return value instanceof ObjectNode;
	}

	/** A leaf as the Java value Jayway's filters compare; containers stay nodes. */
	@Override
	public Object unwrap(Object value) {
		if (!(value instanceof JsonNode node) || node.isContainer()) {
			return value;
		}
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		return node.toString();
	}

	/**
	 * What Jayway found, as a node: nodes as they are, unwrapped leaves wrapped again.
	 */
	static JsonNode node(Object value) {
		// Jackson's own conversion: scalars keep their kind, lists become arrays.
		return value == null ? NODES.nullNode() : VALUES.valueToTree(value);
	}

	@Override
	public <T> T map(Object source, Class<T> type, Configuration configuration) {
		return this.json.convertValue(node(source), type);
	}

	@Override
	public <T> T map(Object source, TypeRef<T> type, Configuration configuration) {
		return this.json.convertValue(node(source), this.json.constructType(type.getType()));
	}

}
