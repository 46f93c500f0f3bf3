package pe.gob.munlima.convoca.call;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a call can name: every ISO 3166 country by its name in Spanish, English, French
 * and Portuguese (the JDK's locale data), plus the other names, demonyms and capitals of
 * reading/countries.yaml. Demonyms are kept apart because they only bind when they
 * qualify who may apply ("municipios alemanes"); a country's name binds wherever the
 * sentence is about eligibility.
 */
final class Gazetteer {

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH, Locale.FRENCH,
			Locale.forLanguageTag("pt"));

	/**
	 * A name shorter than this is too likely to be a word of the text ("Chad" is kept).
	 */
	private static final int SHORTEST_NAME = 4;

	private final Pattern names;

	private final Map<String, String> codeByName;

	private final Pattern demonyms;

	private final Map<String, String> codeByDemonym;

	private final Pattern capitals;

	private final Map<String, String> codeByCapital;

	private Gazetteer(Map<String, String> codeByName, Map<String, String> codeByDemonym,
			Map<String, String> codeByCapital) {
		this.codeByName = Map.copyOf(codeByName);
		this.codeByDemonym = Map.copyOf(codeByDemonym);
		this.codeByCapital = Map.copyOf(codeByCapital);
		this.names = Vocabulary.pattern(longestFirst(codeByName));
		this.demonyms = Vocabulary.pattern(longestFirst(codeByDemonym));
		this.capitals = Vocabulary.pattern(longestFirst(codeByCapital));
	}

	static Gazetteer load(Path file) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String code : Locale.getISOCountries()) {
			Locale country = new Locale.Builder().setRegion(code).build();
			for (Locale language : LANGUAGES) {
				String name = TextFolding.fold(country.getDisplayCountry(language));
				if (name.length() >= SHORTEST_NAME && !name.equals(code.toLowerCase(Locale.ROOT))) {
					names.putIfAbsent(name, code);
				}
			}
		}
		Map<String, String> demonyms = new LinkedHashMap<>();
		Map<String, String> capitals = new LinkedHashMap<>();
		if (file != null && Files.exists(file)) {
			CountriesFile parsed = YamlFiles.read(file, CountriesFile.class, "countries");
			put(parsed.countries(), names, demonyms, capitals);
			put(parsed.regions(), names, demonyms, capitals);
		}
		return new Gazetteer(names, demonyms, capitals);
	}

	private static void put(Map<String, Entry> entries, Map<String, String> names, Map<String, String> demonyms,
			Map<String, String> capitals) {
		if (entries == null) {
			return;
		}
		entries.forEach((code, entry) -> {
			fold(entry.names(), code, names);
			// A city is read as its country wherever a country is: a call for
			// "instituições
			// de Porto Alegre" is a call for Brazil's.
			fold(entry.cities(), code, names);
			fold(entry.demonyms(), code, demonyms);
			fold(entry.capitals(), code, capitals);
		});
	}

	private static void fold(List<String> terms, String code, Map<String, String> into) {
		if (terms != null) {
			for (String term : terms) {
				into.put(TextFolding.fold(term), code);
			}
		}
	}

	/** Longer names first, so "guinea-bissau" wins over "guinea". */
	private static List<String> longestFirst(Map<String, String> byName) {
		List<String> terms = new ArrayList<>(byName.keySet());
		terms.sort((a, b) -> Integer.compare(b.length(), a.length()));
		return terms;
	}

	/** Countries named in a folded text, with where they were found. */
	List<Place> countries(String folded) {
		return find(this.names, this.codeByName, folded);
	}

	/** Demonyms in a folded text ("alemanes" → DE, "european" → EU). */
	List<Place> demonyms(String folded) {
		return find(this.demonyms, this.codeByDemonym, folded);
	}

	/** Capitals in a folded text ("luanda" → AO). */
	List<Place> capitals(String folded) {
		return find(this.capitals, this.codeByCapital, folded);
	}

	private static List<Place> find(Pattern pattern, Map<String, String> codes, String folded) {
		List<Place> found = new ArrayList<>();
		Matcher m = pattern.matcher(folded);
		while (m.find()) {
			found.add(new Place(codes.get(m.group()), m.start(), m.end()));
		}
		return found;
	}

	/** A place named at [start, end) of a folded text. */
	record Place(String code, int start, int end) {
	}

	record Entry(List<String> names, List<String> demonyms, List<String> capitals, List<String> cities) {
	}

	record CountriesFile(Map<String, Entry> countries, Map<String, Entry> regions) {
	}

}
