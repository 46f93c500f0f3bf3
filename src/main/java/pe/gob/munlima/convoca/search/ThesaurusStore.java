package pe.gob.munlima.convoca.search;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Holds the thesaurus searches use now. A reload reads the files into a new thesaurus and
 * swaps it in one write; a file that does not parse leaves the working one in place.
 */
@Component
class ThesaurusStore {

	private static final Logger log = LoggerFactory.getLogger(ThesaurusStore.class);

	private final SearchProperties properties;

	private final Clock clock;

	private volatile Loaded current;

	ThesaurusStore(SearchProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.current = new Loaded(Thesaurus.load(properties.vocabularyFile(), properties.thesaurusFile()),
				clock.instant());
	}

	Thesaurus thesaurus() {
		return this.current.thesaurus();
	}

	/**
	 * @throws IllegalArgumentException with a Spanish message when a file does not parse
	 */
	Status reload() {
		Thesaurus fresh = Thesaurus.load(this.properties.vocabularyFile(), this.properties.thesaurusFile());
		this.current = new Loaded(fresh, this.clock.instant());
		log.info("Thesaurus reloaded: {} groups, {} terms", fresh.groups().size(), fresh.termCount());
		return status();
	}

	Status status() {
		Loaded loaded = this.current;
		long themes = loaded.thesaurus().groups().stream().filter(group -> group.theme() != null).count();
		return new Status(loaded.thesaurus().groups().size(), (int) themes, loaded.thesaurus().termCount(),
				this.properties.vocabularyFile().toString(), this.properties.thesaurusFile().toString(),
				loaded.loadedAt());
	}

	private record Loaded(Thesaurus thesaurus, Instant loadedAt) {
	}

	/**
	 * @param groups all groups, themes included
	 * @param themeGroups groups that come from the themes of the vocabulary
	 * @param terms distinct folded terms
	 */
	record Status(int groups, int themeGroups, int terms, String vocabularyFile, String thesaurusFile,
			Instant loadedAt) {
	}

}
