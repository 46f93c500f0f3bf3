package pe.gob.munlima.convoca.crawl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ${name} placeholders in URLs and request bodies: ${page}, ${offset} and ${size} for
 * listing pages, the item's fields (${id}, ${reference}...) for detail requests.
 */
final class Templates {

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

	private Templates() {
	}

	/** In a URL: values are percent-encoded. */
	static String url(String template, Map<String, String> values) {
		return expand(template, name -> URLEncoder.encode(require(values, name), StandardCharsets.UTF_8));
	}

	/** In a JSON body: values are escaped as the inside of a JSON string. */
	static String json(String template, Map<String, String> values) {
		return expand(template, name -> escapeJson(require(values, name)));
	}

	/** In other bodies and form parts: values as they are. */
	static String text(String template, Map<String, String> values) {
		return expand(template, name -> require(values, name));
	}

	/** The template with every placeholder emptied, to check it is a URL. */
	static String blank(String template) {
		return expand(template, name -> "1");
	}

	static boolean uses(String template, String name) {
		return template != null && template.contains("${" + name + "}");
	}

	private static String expand(String template, Function<String, String> value) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String require(Map<String, String> values, String name) {
		String value = values.get(name);
		if (value == null) {
			throw new ExtractionException("falta el valor de ${" + name + "} para armar la petición");
		}
		return value;
	}

	private static String escapeJson(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
