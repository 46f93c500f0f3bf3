package pe.gob.munlima.convoca.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One XML element of a record, built while streaming: only the current record is ever in
 * memory. Names are local names (namespace prefixes dropped), attributes are kept by
 * local and by qualified name (xml:lang).
 */
final class XmlNode {

	final String name;

	final Map<String, String> attributes = new LinkedHashMap<>();

	final List<XmlNode> children = new ArrayList<>();

	private final StringBuilder ownText = new StringBuilder();

	XmlNode(String name) {
		this.name = name;
	}

	void append(String text) {
		this.ownText.append(text);
	}

	/** Its text and that of every element inside it, with spaces between blocks. */
	String text() {
		StringBuilder all = new StringBuilder();
		collect(all);
		return all.toString().strip().replaceAll("\\s+", " ");
	}

	private void collect(StringBuilder all) {
		all.append(this.ownText);
		for (XmlNode child : this.children) {
			all.append(' ');
			child.collect(all);
		}
	}

}
