package pe.gob.munlima.convoca.iati;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The IATI data Convoca ships (index/iati/codes.yaml, index/iati-sectors.yaml,
 * index/iati-organisations.yaml): labels of the codes it shows, the themes of DAC
 * sectors, which publishers are which funder, and which countries and regions are Latin
 * America.
 */
final class IatiCatalogue {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final CodesFile codes;

	private final SectorsFile sectors;

	private final Map<String, Funder> funders;

	IatiCatalogue(CodesFile codes, SectorsFile sectors, OrganisationsFile organisations) {
		this.codes = codes;
		this.sectors = sectors;
		this.funders = new LinkedHashMap<>(organisations.funders());
	}

	static IatiCatalogue load(IatiProperties properties) {
		return load(properties.codesFile(), properties.sectorsFile(), properties.organisationsFile());
	}

	static IatiCatalogue load(Path codes, Path sectors, Path organisations) {
		return new IatiCatalogue(read(codes, CodesFile.class), read(sectors, SectorsFile.class),
				read(organisations, OrganisationsFile.class));
	}

	static <T> T read(Path file, Class<T> type) {
		try (InputStream in = Files.newInputStream(file)) {
			return YAML.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
		}
	}

	CodesFile codes() {
		return this.codes;
	}

	SectorsFile sectors() {
		return this.sectors;
	}

	Map<String, Funder> funders() {
		return Map.copyOf(this.funders);
	}

	/**
	 * The themes of a sector: its 5-digit code first, then its category. Only DAC
	 * vocabularies (1: 5-digit, 2: 3-digit) have themes.
	 */
	List<String> themes(String vocabulary, String code) {
		if (code == null || !("1".equals(vocabulary) || "2".equals(vocabulary))) {
			return List.of();
		}
		List<String> exact = this.sectors.codes().get(code);
		if (exact != null) {
			return exact;
		}
		String category = category(vocabulary, code);
		return category == null ? List.of() : this.sectors.categories().getOrDefault(category, List.of());
	}

	/** The DAC category (3 digits) of a DAC sector code, or null. */
	static String category(String vocabulary, String code) {
		if (code == null || code.length() < 3 || !("1".equals(vocabulary) || "2".equals(vocabulary))) {
			return null;
		}
		return code.substring(0, 3);
	}

	/** The Spanish name of a DAC category, or null when Convoca ships none. */
	String categoryName(String category) {
		Label label = category == null ? null : this.codes.sectorCategories().get(category);
		return label == null ? null : label.es();
	}

	String statusName(String status) {
		Label label = status == null ? null : this.codes.activityStatus().get(status);
		return label == null ? null : label.es();
	}

	Set<String> latinAmericanCountries() {
		return this.codes.latinAmerica().countries().keySet();
	}

	Set<String> latinAmericanRegions() {
		return this.codes.latinAmerica().regions().keySet();
	}

	/**
	 * The funder named, by its id, an alias, or an IATI organisation identifier; empty
	 * when none of the shipped funders is meant.
	 */
	Optional<String> funder(String nameOrRef) {
		if (nameOrRef == null || nameOrRef.isBlank()) {
			return Optional.empty();
		}
		String wanted = nameOrRef.strip();
		for (Map.Entry<String, Funder> entry : this.funders.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(wanted) || entry.getValue().owns(wanted, wanted)) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	/** The funder an organisation (reporting or participating) is, if any. */
	Optional<String> funderOf(String ref, String name) {
		for (Map.Entry<String, Funder> entry : this.funders.entrySet()) {
			if (entry.getValue().owns(ref, name)) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	/** A label in Spanish (ours) and English (the standard's name for the code). */
	record Label(String es, String en) {
	}

	record LatinAmerica(Map<String, Label> countries, Map<String, Label> regions) {
	}

	record CodesFile(String checked, Map<String, Label> activityStatus, Map<String, Label> transactionTypes,
			Map<String, Label> organisationRoles, Map<String, Label> organisationTypes, LatinAmerica latinAmerica,
			Map<String, Label> sectorCategories) {
	}

	record SectorsFile(String checked, Map<String, List<String>> categories, Map<String, List<String>> codes) {

		SectorsFile {
			categories = categories == null ? Map.of() : categories;
			codes = codes == null ? Map.of() : codes;
		}

	}

	record OrganisationsFile(String checked, Map<String, Funder> funders) {

		OrganisationsFile {
			funders = funders == null ? Map.of() : new LinkedHashMap<>(funders);
		}

	}

	/**
	 * @param refs IATI organisation identifiers
	 * @param refPrefixes identifiers that start so
	 * @param names names, compared folded and whole
	 */
	record Funder(List<String> refs, List<String> refPrefixes, List<String> names) {

		Funder {
			refs = refs == null ? List.of() : List.copyOf(refs);
			refPrefixes = refPrefixes == null ? List.of() : List.copyOf(refPrefixes);
			Set<String> folded = new LinkedHashSet<>();
			(names == null ? List.<String>of() : names).forEach(name -> folded.add(fold(name)));
			names = List.copyOf(folded);
		}

		boolean owns(String ref, String name) {
			if (ref != null && !ref.isBlank()) {
				String r = ref.strip();
				if (this.refs.stream().anyMatch(r::equalsIgnoreCase)
						|| this.refPrefixes.stream().anyMatch(p -> r.toUpperCase(Locale.ROOT).startsWith(p))) {
					return true;
				}
			}
			return name != null && !name.isBlank() && this.names.contains(fold(name));
		}

	}

}
