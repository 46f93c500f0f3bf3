package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * RSS 0.9x/1.0/2.0 and Atom with Rome. Rome refuses DOCTYPE declarations by default,
 * which blocks external entities (XXE) and entity expansion; that default is kept. Each
 * entry's parts are the locators a definition may map: id (guid or Atom id, else the
 * link), title, link, summary, published, updated, author and category (one value each).
 */
final class FeedExtractor implements Extractor {

	static final Set<String> PARTS = Set.of("id", "title", "link", "summary", "published", "updated", "author",
			"category");

	@Override
	public PageInfo read(Body body, Reading reading, Consumer<Item> sink) {
		SyndFeed feed;
		try (InputStream in = body.open()) {
			feed = new SyndFeedInput().build(new XmlReader(in));
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			String why = String.valueOf(ex.getMessage());
			if (why.contains("DOCTYPE")) {
				why = "declara un DOCTYPE, que se rechaza (las entidades externas permitirían un ataque XXE)";
			}
			throw new ExtractionException(reading.base() + " no es un feed RSS/Atom legible: " + why, ex);
		}
		for (SyndEntry entry : feed.getEntries()) {
			Map<String, List<String>> parts = parts(entry);
			sink.accept((locator, markup) -> parts.getOrDefault(locator, List.of()));
		}
		return PageInfo.NONE;
	}

	@Override
	public String check(String locator) {
		return PARTS.contains(locator) ? null : "parte de feed desconocida: " + locator + "; use una de " + PARTS;
	}

	private static Map<String, List<String>> parts(SyndEntry entry) {
		Map<String, List<String>> parts = new LinkedHashMap<>();
		put(parts, "id", externalId(entry));
		put(parts, "title", entry.getTitle());
		put(parts, "link", entry.getLink());
		put(parts, "summary", description(entry));
		// Atom entries often have only <updated>: it stands in for the publication date.
		java.util.Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
		put(parts, "published", published == null ? null : published.toInstant().toString());
		put(parts, "updated", entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant().toString());
		for (SyndPerson author : entry.getAuthors()) {
			put(parts, "author", author.getName());
		}
		if (entry.getAuthors().isEmpty()) {
			put(parts, "author", entry.getAuthor());
		}
		for (SyndCategory category : entry.getCategories()) {
			put(parts, "category", category.getName());
		}
		return parts;
	}

	private static void put(Map<String, List<String>> parts, String part, String value) {
		if (value != null && !value.isBlank()) {
			parts.computeIfAbsent(part, p -> new ArrayList<>()).add(value.strip());
		}
	}

	/** The feed's own id (guid or Atom id), else the link: stable across crawls. */
	private static String externalId(SyndEntry entry) {
		if (entry.getUri() != null && !entry.getUri().isBlank()) {
			return entry.getUri().strip();
		}
		if (entry.getLink() != null) {
			return entry.getLink().strip();
		}
		return String.valueOf(entry.getTitle()).strip();
	}

	private static String description(SyndEntry entry) {
		if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
			return entry.getDescription().getValue();
		}
		StringBuilder text = new StringBuilder();
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null) {
				text.append(content.getValue()).append('\n');
			}
		}
		return text.toString();
	}

}
