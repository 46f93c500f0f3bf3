package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * HTML pages with Jsoup: the items are the elements a CSS selector finds in the listing
 * (or the whole page, for a detail page), and each field is a selector inside the item.
 * The charset comes from the page (BOM or meta), and links resolve against its address.
 */
final class HtmlExtractor implements Extractor {

	/** Attributes that hold addresses, resolved to absolute URLs. */
	private static final Set<String> LINKS = Set.of("href", "src", "action", "data-href", "data-url");

	private final Map<String, CssLocator> locators = new ConcurrentHashMap<>();

	@Override
	public PageInfo read(Body body, Reading reading, Consumer<Item> sink) {
		Document page;
		try (InputStream in = body.open()) {
			page = Jsoup.parse(in, null, reading.base().toString());
		}
		catch (IOException ex) {
			throw new ExtractionException("no se pudo leer el HTML de " + reading.base() + ": " + ex.getMessage(), ex);
		}
		return read(page, reading, sink);
	}

	PageInfo read(Document page, Reading reading, Consumer<Item> sink) {
		if (reading.items() == null) {
			sink.accept(new HtmlItem(page));
		}
		else {
			Elements items = page.select(locator(reading.items()).evaluator());
			items.forEach(element -> sink.accept(new HtmlItem(element)));
		}
		HtmlItem whole = new HtmlItem(page);
		String next = reading.next() == null ? null : first(whole.select(reading.next(), false));
		String total = reading.total() == null ? null : first(whole.select(reading.total(), false));
		return new PageInfo(next == null || next.isBlank() ? null : next, Totals.parse(total));
	}

	@Override
	public String check(String locator) {
		return CssLocator.check(locator);
	}

	private CssLocator locator(String locator) {
		return this.locators.computeIfAbsent(locator, CssLocator::parse);
	}

	private static String first(List<String> values) {
		return values.isEmpty() ? null : values.get(0);
	}

	private final class HtmlItem implements Item {

		private final Element element;

		HtmlItem(Element element) {
			this.element = element;
		}

		@Override
		public List<String> select(String locator, boolean markup) {
			CssLocator css = locator(locator);
			List<Element> matches = css.selector() == null ? List.of(this.element)
					: this.element.select(css.evaluator());
			List<String> values = new ArrayList<>(matches.size());
			for (Element match : matches) {
				String value;
				if (css.attribute() == null) {
					value = markup ? match.html() : match.text();
				}
				else if (!match.hasAttr(css.attribute())) {
					continue;
				}
				else {
					value = LINKS.contains(css.attribute()) ? match.absUrl(css.attribute())
							: match.attr(css.attribute());
					if (value.isEmpty()) {
						value = match.attr(css.attribute());
					}
				}
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
			return values;
		}

		@Override
		public List<Link> links(String selector) {
			List<Link> links = new ArrayList<>();
			for (Element match : this.element.select(locator(selector).evaluator())) {
				String url = match.absUrl("href");
				if (!url.isEmpty()) {
					links.add(new Link(url, match.text()));
				}
			}
			return links;
		}

	}

}
