package pe.gob.munlima.convoca.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir folder of the live Lucene index (git-ignored, rebuilt when missing);
 * each rebuild writes a new generation folder inside it
 * @param vocabularyFile the multilingual vocabulary; its {@code themes:} are thesaurus
 * groups
 * @param thesaurusFile extra synonym groups for search
 * @param exchangeRatesFile the dated rate table that puts amounts in USD
 * @param searchThreads threads that search the slices of one query in parallel; 0 for one
 * per core, 1 to search on the caller's thread only
 * @param checkInterval how often the live index is checked on disk while the service runs
 * (a deleted or unreadable folder turns health DOWN and starts a rebuild)
 */
@ConfigurationProperties("convoca.search")
record SearchProperties(Path dataDir, Path vocabularyFile, Path thesaurusFile, Path exchangeRatesFile,
		int searchThreads, Duration checkInterval) {

	SearchProperties {
		if (dataDir == null) {
			dataDir = Path.of("data", "index");
		}
		if (vocabularyFile == null) {
			vocabularyFile = Path.of("reading", "vocabulary.yaml");
		}
		if (thesaurusFile == null) {
			thesaurusFile = Path.of("index", "thesaurus.yaml");
		}
		if (exchangeRatesFile == null) {
			exchangeRatesFile = Path.of("rules", "parameters.yaml");
		}
		if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
			checkInterval = Duration.ofSeconds(10);
		}
	}

}
