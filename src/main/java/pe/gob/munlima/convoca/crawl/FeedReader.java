package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import pe.gob.munlima.convoca.call.RawCall;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom with Rome. Rome refuses DOCTYPE declarations by
 * default, which blocks external entities (XXE) and entity expansion; that default is
 * kept.
 */
final class FeedReader {

	private FeedReader() {
	}

	/**
	 * @throws FetchException when the bytes are not a feed, with the parser's reason
	 */
	static List<RawCall> read(byte[] body, String origin) {
		SyndFeed feed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new FetchException(origin + " is not a readable RSS/Atom feed: " + ex.getMessage(), ex);
		}
		List<RawCall> calls = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			calls.add(new RawCall(externalId(entry), entry.getTitle(), entry.getLink(), description(entry),
					published(entry)));
		}
		return calls;
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

	private static Instant published(SyndEntry entry) {
		if (entry.getPublishedDate() != null) {
			return entry.getPublishedDate().toInstant();
		}
		return entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
	}

}
