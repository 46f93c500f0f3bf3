package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The multilingual vocabulary of index/vocabulary.yaml, compiled into one whole-word
 * pattern per id. Terms are folded like the text they are matched against.
 */
final class Vocabulary {

	private final Map<String, Pattern> applicantTypes;

	private final Map<String, Pattern> geographies;

	private final Map<String, Pattern> themes;

	private final Pattern eligibilityCues;

	private final Pattern exclusionCues;

	private final Pattern reimbursable;

	private final Pattern nonReimbursable;

	private Vocabulary(VocabularyFile file) {
		this.applicantTypes = compileAll(file.applicantTypes());
		this.geographies = compileAll(file.geographies());
		this.themes = compileAll(file.themes());
		this.eligibilityCues = compile(file.eligibilityCues());
		this.exclusionCues = compile(file.exclusionCues());
		this.reimbursable = compile(file.reimbursableTerms());
		this.nonReimbursable = compile(file.nonReimbursableTerms());
	}

	/**
	 * Reads and compiles the file; a broken file fails with its path and the parser's
	 * message.
	 */
	static Vocabulary load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			VocabularyFile parsed = YAMLMapper.builder().build().readValue(in, VocabularyFile.class);
			return new Vocabulary(parsed);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read vocabulary " + file + ": " + ex.getMessage(), ex);
		}
	}

	Map<String, Pattern> applicantTypes() {
		return this.applicantTypes;
	}

	Map<String, Pattern> geographies() {
		return this.geographies;
	}

	Map<String, Pattern> themes() {
		return this.themes;
	}

	Pattern eligibilityCues() {
		return this.eligibilityCues;
	}

	Pattern exclusionCues() {
		return this.exclusionCues;
	}

	Pattern reimbursable() {
		return this.reimbursable;
	}

	Pattern nonReimbursable() {
		return this.nonReimbursable;
	}

	private static Map<String, Pattern> compileAll(Map<String, List<String>> termsById) {
		Map<String, Pattern> compiled = new LinkedHashMap<>();
		if (termsById != null) {
			termsById.forEach((id, terms) -> compiled.put(id, compile(terms)));
		}
		return Map.copyOf(compiled);
	}

	private static Pattern compile(List<String> terms) {
		if (terms == null || terms.isEmpty()) {
			return Pattern.compile("(?!)");
		}
		String alternatives = terms.stream()
			.map(TextFolding::fold)
			.filter(term -> !term.isEmpty())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		// Word boundaries that also work next to punctuation such as "u.s." or
		// "city/township".
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
	}

	record VocabularyFile(Map<String, List<String>> applicantTypes, List<String> eligibilityCues,
			Map<String, List<String>> geographies, List<String> exclusionCues, Map<String, List<String>> themes,
			List<String> reimbursableTerms, List<String> nonReimbursableTerms) {
	}

}
