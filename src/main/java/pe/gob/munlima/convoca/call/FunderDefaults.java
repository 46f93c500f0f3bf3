package pe.gob.munlima.convoca.call;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The general rules of funders (crawlers/funders.yaml): what holds for their calls unless
 * a call says otherwise, such as "U.S. federal grants are for U.S. applicants unless
 * foreign entities are named eligible". They only fill what a call's own words leave
 * unknown.
 */
final class FunderDefaults {

	private final List<Rule> rules;

	private FunderDefaults(List<Rule> rules) {
		this.rules = rules;
	}

	static FunderDefaults none() {
		return new FunderDefaults(List.of());
	}

	/**
	 * Reads the file; a missing file means no defaults, a broken one fails with its path.
	 */
	static FunderDefaults load(Path file) {
		if (file == null || !Files.exists(file)) {
			return none();
		}
		DefaultsFile parsed = YamlFiles.read(file, DefaultsFile.class, "funder defaults");
		return new FunderDefaults(
				parsed.funders() == null ? List.of() : parsed.funders().stream().map(FunderDefaults::compile).toList());
	}

	private static Rule compile(Entry entry) {
		Matches matches = entry.matches() == null ? new Matches(null, null, null) : entry.matches();
		return new Rule(entry.id(), list(matches.sources()), list(matches.linkHosts()),
				Vocabulary.pattern(list(matches.funders())), Vocabulary.pattern(list(entry.unless())),
				list(entry.eligibleGeographies()), entry.statement(), entry.reference());
	}

	private static List<String> list(List<String> values) {
		return values == null ? List.of() : values;
	}

	/**
	 * The geography a funder's general rule gives a call that does not state one, or
	 * null.
	 * @param text the call's title and text
	 */
	Rule geographyFor(SourceInfo source, String link, String funder, String text) {
		String foldedFunder = TextFolding.fold(funder);
		String host = host(link);
		String folded = TextFolding.fold(text);
		for (Rule rule : this.rules) {
			boolean applies = rule.sources().contains(source.sourceId())
					|| (host != null && rule.linkHosts().contains(host)) || rule.funders().matcher(foldedFunder).find();
			if (applies && !rule.eligibleGeographies().isEmpty() && !rule.unless().matcher(folded).find()) {
				return rule;
			}
		}
		return null;
	}

	private static String host(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(link.strip()).getHost();
			return host == null ? null : host.toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** One funder's general rule, compiled. */
	record Rule(String id, List<String> sources, List<String> linkHosts, Pattern funders, Pattern unless,
			List<String> eligibleGeographies, String statement, String reference) {

		/** What a reason quotes: the rule and where it is written. */
		String evidence() {
			return this.statement.strip() + " (" + this.reference.strip() + ")";
		}

	}

	record Matches(List<String> sources, List<String> linkHosts, List<String> funders) {
	}

	record Entry(String id, Matches matches, List<String> eligibleGeographies, List<String> unless, String statement,
			String reference, String checked) {
	}

	record DefaultsFile(List<Entry> funders) {
	}

}
