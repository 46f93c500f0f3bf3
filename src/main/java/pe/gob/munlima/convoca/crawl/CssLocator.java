package pe.gob.munlima.convoca.crawl;

import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A CSS selector with an optional attribute to read: {@code h3 a} is the link's text,
 * {@code h3 a@href} its href (resolved against the page's address), {@code @data-id} an
 * attribute of the item element itself. The {@code @} is the last one outside brackets,
 * quotes and parentheses, so {@code a[href*=@]} still works.
 *
 * @param selector the CSS selector, or null for the item element itself
 * @param attribute the attribute to read, or null for the text
 */
record CssLocator(String selector, String attribute) {

	static CssLocator parse(String locator) {
		int depth = 0;
		char quote = 0;
		int at = -1;
		for (int i = 0; i < locator.length(); i++) {
			char c = locator.charAt(i);
			if (quote != 0) {
				quote = c == quote ? 0 : quote;
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '[' || c == '(') {
				depth++;
			}
			else if (c == ']' || c == ')') {
				depth--;
			}
			else if (c == '@' && depth == 0) {
				at = i;
			}
		}
		if (at < 0) {
			return new CssLocator(locator.strip(), null);
		}
		String selector = locator.substring(0, at).strip();
		return new CssLocator(selector.isEmpty() ? null : selector, locator.substring(at + 1).strip());
	}

	/** The compiled selector (jsoup caches it); null for the item itself. */
	Evaluator evaluator() {
		return this.selector == null ? null : Selector.evaluatorOf(this.selector);
	}

	/** Why the locator is not valid, or null. */
	static String check(String locator) {
		CssLocator css = parse(locator);
		if (css.attribute() != null && !css.attribute().matches("[A-Za-z_:][\\w:.-]*")) {
			return "atributo inválido después de @: " + css.attribute();
		}
		if (css.selector() == null) {
			return css.attribute() == null ? "selector vacío" : null;
		}
		try {
			css.evaluator();
			return null;
		}
		catch (RuntimeException ex) {
			return "selector CSS inválido: " + ex.getMessage();
		}
	}

}
