package pe.gob.munlima.convoca.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Element paths inside an XML record, a small XPath: {@code a/b/c} (local names, any
 * namespace), {@code *}, {@code .} (the record itself), a predicate on an attribute
 * {@code b[@type='x']}, and a last step {@code @attr} for an attribute's value. The value
 * of an element is its whole text.
 */
final class XmlPath {

	private static final Pattern STEP = Pattern
		.compile("(\\*|\\.|[A-Za-z_][\\w.:-]*)(?:\\[@([\\w:.-]+)\\s*=\\s*'([^']*)'])?");

	private static final Pattern ATTRIBUTE = Pattern.compile("@([\\w:.-]+)");

	private final List<Step> steps;

	private final String attribute;

	private XmlPath(List<Step> steps, String attribute) {
		this.steps = steps;
		this.attribute = attribute;
	}

	/**
	 * @throws IllegalArgumentException naming the step that is wrong
	 */
	static XmlPath compile(String path) {
		String[] parts = path.strip().split("/");
		List<Step> steps = new ArrayList<>();
		String attribute = null;
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i].strip();
			Matcher attr = ATTRIBUTE.matcher(part);
			if (i == parts.length - 1 && attr.matches()) {
				attribute = attr.group(1);
				continue;
			}
			Matcher step = STEP.matcher(part);
			if (!step.matches()) {
				throw new IllegalArgumentException("paso inválido '" + part + "' en " + path
						+ " (use nombre, nombre[@atributo='valor'], * o, al final, @atributo)");
			}
			steps.add(new Step(localName(step.group(1)), step.group(2), step.group(3)));
		}
		return new XmlPath(List.copyOf(steps), attribute);
	}

	List<String> find(XmlNode record) {
		List<XmlNode> current = List.of(record);
		for (Step step : this.steps) {
			List<XmlNode> next = new ArrayList<>();
			for (XmlNode node : current) {
				if (".".equals(step.name())) {
					next.add(node);
					continue;
				}
				for (XmlNode child : node.children) {
					if (step.matches(child)) {
						next.add(child);
					}
				}
			}
			current = next;
		}
		List<String> values = new ArrayList<>();
		for (XmlNode node : current) {
			String value = this.attribute == null ? node.text() : attribute(node, this.attribute);
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	static String localName(String name) {
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(colon + 1);
	}

	private static String attribute(XmlNode node, String name) {
		String value = node.attributes.get(name);
		return value != null ? value : node.attributes.get(localName(name));
	}

	private record Step(String name, String attribute, String value) {

		boolean matches(XmlNode node) {
			if (!"*".equals(this.name) && !this.name.equals(node.name)) {
				return false;
			}
			return this.attribute == null || this.value.equals(XmlPath.attribute(node, this.attribute));
		}

	}

}
