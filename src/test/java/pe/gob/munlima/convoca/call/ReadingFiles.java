package pe.gob.munlima.convoca.call;

import java.nio.file.Path;

/**
 * The reader's data files as the service reads them (reading/ of the working tree),
 * loaded once for the unit tests of the reader's parts.
 */
final class ReadingFiles {

	static final Vocabulary VOCABULARY = Vocabulary.load(Path.of("reading", "vocabulary.yaml"));

	static final DateReader.Grammar DATES = VOCABULARY.dates();

	static final AmountParser AMOUNTS = VOCABULARY.amounts();

	private ReadingFiles() {
	}

}
