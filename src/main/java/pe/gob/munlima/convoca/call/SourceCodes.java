package pe.gob.munlima.convoca.call;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The code lists of reading/codes.yaml: what sources' structured fields mean (Grants.gov
 * applicant codes, EU status codes, funding instruments), what a bare "$" means per
 * country, and the names funders go by. Keys are folded like the values they are looked
 * up with.
 */
final class SourceCodes {

	private final Map<String, List<String>> applicantTypes;

	private final Map<String, String> statuses;

	private final Map<String, String> instruments;

	private final Set<String> reimbursable;

	private final Set<String> nonReimbursable;

	private final Map<String, String> dollarSign;

	private final Map<String, Pattern> funderAliases;

	private SourceCodes(CodesFile file) {
		this.applicantTypes = folded(file.applicantTypes());
		this.statuses = folded(file.statuses());
		this.instruments = folded(file.instruments());
		this.reimbursable = Set.copyOf(orEmpty(file.reimbursableInstruments()));
		this.nonReimbursable = Set.copyOf(orEmpty(file.nonReimbursableInstruments()));
		this.dollarSign = file.dollarSign() == null ? Map.of() : Map.copyOf(file.dollarSign());
		Map<String, Pattern> aliases = new LinkedHashMap<>();
		if (file.funderAliases() != null) {
			file.funderAliases().forEach((id, names) -> aliases.put(id, Vocabulary.pattern(names)));
		}
		this.funderAliases = aliases;
	}

	/** Reads the file; a broken file fails with its path and the parser's message. */
	static SourceCodes load(Path file) {
		return new SourceCodes(YamlFiles.read(file, CodesFile.class, "source codes"));
	}

	/**
	 * The applicant types a code stands for; null when the code is not listed, an empty
	 * list when it is listed but names no type Convoca knows ("25": see the text).
	 */
	List<String> applicantTypes(String code) {
		return this.applicantTypes.get(key(code));
	}

	/** OPEN, FORTHCOMING or CLOSED, or null for a status not listed. */
	String status(String value) {
		return this.statuses.get(key(value));
	}

	/** GRANT, LOAN, PROCUREMENT ..., or null for an instrument not listed. */
	String instrument(String value) {
		return this.instruments.get(key(value));
	}

	/** Whether an instrument is paid back; null when the file does not say. */
	Boolean reimbursable(String instrument) {
		if (this.reimbursable.contains(instrument)) {
			return Boolean.TRUE;
		}
		return this.nonReimbursable.contains(instrument) ? Boolean.FALSE : null;
	}

	/** The currency of a bare "$" in a country (ISO 3166 code), or null. */
	String dollar(String country) {
		return country == null ? null : this.dollarSign.get(country);
	}

	/**
	 * A funder's name reduced to what identifies it: the alias id when the name is a
	 * known alias ("Comisión Europea" and "European Commission" are both EU), else the
	 * folded name without punctuation.
	 */
	String funderKey(String name) {
		String folded = TextFolding.fold(name);
		for (Map.Entry<String, Pattern> alias : this.funderAliases.entrySet()) {
			if (alias.getValue().matcher(folded).find()) {
				return alias.getKey();
			}
		}
		return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static String key(String value) {
		return value == null ? "" : TextFolding.fold(value);
	}

	private static <V> Map<String, V> folded(Map<String, V> values) {
		Map<String, V> folded = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((code, value) -> folded.put(key(code), value));
		}
		return Map.copyOf(folded);
	}

	private static List<String> orEmpty(List<String> values) {
		return values == null ? List.of() : values;
	}

	record CodesFile(Map<String, List<String>> applicantTypes, Map<String, String> statuses,
			Map<String, String> instruments, List<String> reimbursableInstruments,
			List<String> nonReimbursableInstruments, Map<String, String> dollarSign,
			Map<String, List<String>> funderAliases) {
	}

}
