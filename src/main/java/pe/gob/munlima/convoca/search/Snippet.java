package pe.gob.munlima.convoca.search;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A highlighted snippet as the page shows it: plain text in parts, the matched words
 * marked. The index writes snippets as HTML-escaped text with {@code <mark>} around the
 * matched words; reading that back into text parts lets the page write each part with
 * {@code th:text} (escaped again, marks as elements), so nothing in a funder's text can
 * ever become markup, whatever the highlighter does.
 */
record Snippet(List<Part> parts) {

	static Snippet of(String html) {
		List<Part> parts = new ArrayList<>();
		if (html != null) {
			for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
				if (node instanceof TextNode text) {
					add(parts, text.getWholeText(), false);
				}
				else if (node instanceof Element element) {
					add(parts, element.wholeText(), "mark".equals(element.normalName()));
				}
			}
		}
		return new Snippet(List.copyOf(parts));
	}

	private static void add(List<Part> parts, String text, boolean marked) {
		if (!text.isEmpty()) {
			parts.add(new Part(text, marked));
		}
	}

	public boolean isEmpty() {
		return this.parts.isEmpty();
	}

	record Part(String text, boolean marked) {
	}

}
