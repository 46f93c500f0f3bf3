package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import pe.gob.munlima.convoca.call.RawCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every RSS or Atom file of the shared corpus of real third-party data (read where it is,
 * never copied) parses, and each item has a title and a link. CI always has the corpus; a
 * clone without it skips this class.
 */
@EnabledIf("corpusPresent")
class CorpusFeedTests {

	static final Path CORPUS = Path.of("..", "shared", "corpus");

	/** The root element decides: rss, RDF (RSS 1.0) or feed (Atom). */
	private static final Pattern FEED_ROOT = Pattern.compile("<(rss|rdf:RDF|feed)[\\s>]");

	static boolean corpusPresent() {
		return Files.isDirectory(CORPUS);
	}

	@Test
	void everyFeedInTheCorpusYieldsTitlesAndLinks() throws IOException {
		List<Path> feeds = feeds();
		assertThat(feeds).as("feeds in %s", CORPUS).isNotEmpty();
		for (Path feed : feeds) {
			List<RawCall> items = FeedReader.read(Files.readAllBytes(feed), feed.toString());
			assertThat(items).as("items of %s", feed).isNotEmpty();
			assertThat(items).allSatisfy(item -> {
				assertThat(item.title()).as("title in %s", feed).isNotBlank();
				assertThat(item.link()).as("link of %s in %s", item.title(), feed).startsWith("http");
			});
		}
	}

	@Test
	void aggregatorAtomFeedHasItsHundredEntries() throws IOException {
		Path atom = CORPUS.resolve("aggregator-atom-feed/all.xml");
		List<RawCall> items = FeedReader.read(Files.readAllBytes(atom), atom.toString());
		assertThat(items).hasSize(100);
		assertThat(items).extracting(RawCall::externalId).doesNotHaveDuplicates();
		assertThat(items).allSatisfy(item -> assertThat(item.publishedAt()).isNotNull());
	}

	private static List<Path> feeds() throws IOException {
		try (Stream<Path> files = Files.walk(CORPUS)) {
			return files.filter(p -> p.toString().endsWith(".xml")).filter(CorpusFeedTests::isFeed).sorted().toList();
		}
	}

	private static boolean isFeed(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
			return FEED_ROOT.matcher(head).find();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
