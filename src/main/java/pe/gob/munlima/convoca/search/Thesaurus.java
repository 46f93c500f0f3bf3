package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The multilingual theme thesaurus, read from data so the subgerencia can edit it: the
 * {@code themes:} of reading/vocabulary.yaml (one group per theme id, the same words
 * intake tags calls with) plus the finer groups of index/thesaurus.yaml. Immutable; a
 * reload builds a new one.
 * <p>
 * Terms are compared folded (lower case, no accents, words split at anything that is not
 * a letter or digit), so "Movilidad Urbana", "movilidad-urbana" and "movilidad urbana"
 * are the same term.
 */
final class Thesaurus {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final List<Group> groups;

	/** Folded term to the groups that list it. */
	private final Map<String, List<Group>> byTerm;

	private final int longestTerm;

	Thesaurus(List<Group> groups) {
		this.groups = List.copyOf(groups);
		Map<String, List<Group>> index = new HashMap<>();
		int longest = 1;
		for (Group group : this.groups) {
			for (String term : group.terms()) {
				index.computeIfAbsent(term, t -> new ArrayList<>()).add(group);
				longest = Math.max(longest, term.split(" ").length);
			}
		}
		index.replaceAll((term, list) -> List.copyOf(list));
		this.byTerm = Map.copyOf(index);
		this.longestTerm = longest;
	}

	/**
	 * Reads the themes of the vocabulary and the groups of the thesaurus file; a file
	 * that does not exist contributes nothing, a file that does not parse fails the load.
	 */
	static Thesaurus load(Path vocabulary, Path thesaurus) {
		List<Group> groups = new ArrayList<>();
		JsonNode themes = read(vocabulary).path("themes");
		for (var theme : themes.properties()) {
			groups.add(Group.of(theme.getKey(), strings(theme.getValue())));
		}
		for (JsonNode group : read(thesaurus).path("groups")) {
			groups.add(Group.of(null, strings(group)));
		}
		return new Thesaurus(groups);
	}

	private static JsonNode read(Path file) {
		if (file == null || !Files.exists(file)) {
			return YAMLMapper.builder().build().createObjectNode();
		}
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode root = YAMLMapper.builder().build().readTree(in);
			return root == null ? YAMLMapper.builder().build().createObjectNode() : root;
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("No se puede leer " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		node.forEach(value -> values.add(value.asString()));
		return values;
	}

	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return String.join(" ", Arrays.stream(NON_WORD.split(plain)).filter(w -> !w.isEmpty()).toList());
	}

	/**
	 * Cuts a query text into pieces: runs of words no group knows, and the longest
	 * thesaurus terms found, each with its groups.
	 */
	List<Segment> segment(String text) {
		String[] words = fold(text).split(" ");
		List<Segment> segments = new ArrayList<>();
		StringBuilder plain = new StringBuilder();
		int i = 0;
		while (i < words.length) {
			int matched = 0;
			List<Group> found = List.of();
			for (int n = Math.min(this.longestTerm, words.length - i); n > 0; n--) {
				List<Group> groups = this.byTerm.get(String.join(" ", Arrays.asList(words).subList(i, i + n)));
				if (groups != null) {
					matched = n;
					found = groups;
					break;
				}
			}
			if (matched == 0) {
				plain.append(plain.isEmpty() ? "" : " ").append(words[i]);
				i++;
				continue;
			}
			if (!plain.isEmpty()) {
				segments.add(new Segment(plain.toString(), List.of()));
				plain.setLength(0);
			}
			segments.add(new Segment(String.join(" ", Arrays.asList(words).subList(i, i + matched)), found));
			i += matched;
		}
		if (!plain.isEmpty()) {
			segments.add(new Segment(plain.toString(), List.of()));
		}
		return segments;
	}

	List<Group> groups() {
		return this.groups;
	}

	int termCount() {
		return this.byTerm.size();
	}

	/**
	 * Terms that mean the same thing in any of the four languages.
	 *
	 * @param theme the theme id of reading/vocabulary.yaml, or null for a plain group
	 * @param terms folded, without duplicates
	 */
	record Group(String theme, List<String> terms) {

		static Group of(String theme, List<String> terms) {
			Set<String> folded = new LinkedHashSet<>();
			for (String term : terms) {
				String f = fold(term);
				if (!f.isEmpty()) {
					folded.add(f);
				}
			}
			return new Group(theme, List.copyOf(folded));
		}

	}

	/**
	 * @param text folded words of the query
	 * @param groups the groups this text is a term of; empty for words no group knows
	 */
	record Segment(String text, List<Group> groups) {

		/** The other terms of the plain (non-theme) groups this text belongs to. */
		Set<String> alternatives() {
			Set<String> all = new LinkedHashSet<>();
			this.groups.stream().filter(group -> group.theme() == null).forEach(group -> all.addAll(group.terms()));
			all.remove(this.text);
			return all;
		}

	}

}
