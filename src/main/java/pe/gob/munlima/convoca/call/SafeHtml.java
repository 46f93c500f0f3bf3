package pe.gob.munlima.convoca.call;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A call's summary as HTML a page may write as it is. The summary is stored sanitised,
 * and is cleaned again here, on the way out, with a stricter list: a bug upstream or a
 * row written by an older version can never put a script, a style or an event handler on
 * a page. The Content-Security-Policy (no inline script) is the second wall.
 */
public final class SafeHtml {

	/**
	 * Paragraphs, lists, emphasis and links (http, https and mailto only); a link neither
	 * hands the page over to the funder's site ({@code noopener}) nor tells it where the
	 * reader came from.
	 */
	private static final Safelist SUMMARY = new Safelist()
		.addTags("p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u", "small", "sub", "sup", "blockquote", "a")
		.addAttributes("a", "href")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

	private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

	private SafeHtml() {
	}

	/** The summary cleaned for a page; empty for none. */
	public static String summary(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		return Jsoup.clean(html, "", SUMMARY, COMPACT);
	}

}
