package pe.gob.munlima.convoca.call;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param vocabularyFile the multilingual vocabulary that turns text into facts;
 * countries.yaml, calendar.yaml and currencies.yaml are read beside it
 * @param codesFile what sources' codes mean (applicant types, statuses, instruments);
 * defaults to codes.yaml beside the vocabulary
 * @param closingCron when calls whose deadline passed are closed (Quartz cron, Lima time)
 * @param funderDefaultsFile the funders' general rules (crawlers/funders.yaml)
 */
@ConfigurationProperties("convoca.calls")
record CallProperties(Path vocabularyFile, Path codesFile, String closingCron, Path funderDefaultsFile) {

	CallProperties {
		if (vocabularyFile == null) {
			vocabularyFile = Path.of("reading", "vocabulary.yaml");
		}
		if (codesFile == null) {
			codesFile = vocabularyFile.resolveSibling("codes.yaml");
		}
		if (funderDefaultsFile == null) {
			funderDefaultsFile = Path.of("crawlers", "funders.yaml");
		}
		if (closingCron == null || closingCron.isBlank()) {
			closingCron = "0 5 * * * ?";
		}
	}

}
