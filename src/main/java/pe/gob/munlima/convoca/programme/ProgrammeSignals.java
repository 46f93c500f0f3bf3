package pe.gob.munlima.convoca.programme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The signals that make two calls rounds of one programme, and the forecast's parameters:
 * data in {@code index/programmes.yaml}, not constants in code, so the office tunes them
 * and {@code docs/quality.md} measures them.
 *
 * @param checked who checked the values, when and against what
 */
record ProgrammeSignals(String checked, Grouping grouping, Set<String> roundWords, Set<String> ordinals,
		ForecastParameters forecast) {

	ProgrammeSignals {
		if (checked == null || checked.isBlank()) {
			throw new IllegalArgumentException("programmes.yaml: 'checked' must say who checked the values and how");
		}
		if (grouping == null || grouping.weights() == null) {
			throw new IllegalArgumentException("programmes.yaml: 'grouping.weights' is missing");
		}
		if (forecast == null) {
			throw new IllegalArgumentException("programmes.yaml: 'forecast' is missing");
		}
		roundWords = fold(roundWords);
		ordinals = fold(ordinals);
	}

	static ProgrammeSignals load(Path file) {
		try {
			return YAMLMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(Files.readString(file), ProgrammeSignals.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	private static Set<String> fold(Set<String> words) {
		return words == null ? Set.of() : words.stream().map(Folding::fold).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @param threshold the least score at which a call joins a programme
	 * @param titleMinimum the least title likeness that counts at all
	 * @param referenceParts the parts a reference stem needs to count
	 */
	record Grouping(Weights weights, double threshold, double titleMinimum, int referenceParts) {

		Grouping {
			if (threshold <= 0 || titleMinimum <= 0 || titleMinimum > 1) {
				throw new IllegalArgumentException("programmes.yaml: threshold and titleMinimum must be in (0, 1]");
			}
			if (referenceParts < 1) {
				referenceParts = 1;
			}
		}

	}

	record Weights(double reference, double programme, double title, double source) {

		/** The signals the weights add up; each must be positive. */
		List<Double> all() {
			return List.of(this.reference, this.programme, this.title, this.source);
		}

	}

	/**
	 * @param minRounds rounds a programme needs before a next window is expected
	 * @param toleranceMonths how far from the expected month a round still fulfils it
	 * @param typicalWindowDays how long before its deadline a round without an opening
	 * date is taken to have opened, when its programme tells nothing better
	 * @param soonDays days beyond the lead time within which an expected window is
	 * "coming soon"
	 */
	record ForecastParameters(int minRounds, int toleranceMonths, int typicalWindowDays, int soonDays) {

		ForecastParameters {
			if (minRounds < 2) {
				throw new IllegalArgumentException("programmes.yaml: forecast.minRounds must be at least 2");
			}
		}

	}

}
