package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import pe.gob.munlima.convoca.requirement.RequirementFacts;
import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * Turns a {@link RawCall} into the {@link NormalisedCall} that is stored: sanitised
 * summary, plain text, language, key dates, money and the eligibility facts. The source's
 * structured fields come first ({@link FieldReader}); the text fills what they leave
 * unknown ({@link FactExtractor}, {@link DeadlineParser}); what neither says stays null.
 */
final class CallNormaliser {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final java.util.regex.Pattern BLOCK_TAG = java.util.regex.Pattern
		.compile("(?i)<(?:br|p|li|div|h[1-6]|tr|ul|ol|table)[\\s/>]");

	private final FactExtractor facts;

	private final FieldReader fields;

	private final SourceCodes codes;

	private final LanguageDetector languages;

	private final Clock clock;

	private final FunderDefaults defaults;

	private final DateReader.Grammar dates;

	CallNormaliser(Vocabulary vocabulary, SourceCodes codes, LanguageDetector languages, Clock clock) {
		this(vocabulary, codes, languages, clock, FunderDefaults.none());
	}

	CallNormaliser(Vocabulary vocabulary, SourceCodes codes, LanguageDetector languages, Clock clock,
			FunderDefaults defaults) {
		this.defaults = defaults;
		this.dates = vocabulary.dates();
		this.facts = new FactExtractor(vocabulary);
		this.fields = new FieldReader(codes, vocabulary);
		this.codes = codes;
		this.languages = languages;
		this.clock = clock;
	}

	NormalisedCall normalise(SourceInfo source, RawCall raw) {
		if (raw.title() == null || raw.title().isBlank()) {
			throw new IllegalArgumentException("item " + raw.externalId() + " has no title");
		}
		String html = raw.summaryHtml() == null ? "" : raw.summaryHtml();
		String title = Jsoup.parse(raw.title()).text().strip();
		String eligibilityHtml = raw.first(RawField.ELIGIBILITY);
		// The eligibility field joins the summary, so users read the conditions the facts
		// came from.
		if (eligibilityHtml != null && !plainText(html).contains(plainText(eligibilityHtml))) {
			html = html + "<p>" + eligibilityHtml + "</p>";
		}
		// Stored HTML keeps links and emphasis only: scripts, styles and handlers never
		// reach a page.
		String summary = Jsoup.clean(html, Safelist.basic());
		String text = plainText(html);
		ZoneId zone = source.zone() != null ? source.zone() : LIMA;
		String language = LanguageDetector.declared(raw.first(RawField.LANGUAGE));
		if (language == null) {
			language = LanguageDetector.declared(source.language());
		}
		if (language == null) {
			language = this.languages.detect(title + ". " + text);
		}
		DateOrder order = DateOrder.of(source.locale(), language);
		String dollar = this.codes.dollar(country(source.locale()));
		FieldReader.Fields given = this.fields.read(raw, zone, order, dollar);
		FactExtractor.ExtractedFacts found = this.facts.extract(title, text, dollar,
				given.funder() != null ? given.funder() : source.funder(),
				raw.fields().getOrDefault(RawField.DOCUMENT, List.of()));
		Map<String, String> evidence = new LinkedHashMap<>(found.evidence());
		// A fact read from a field replaces the sentence: the field is what was used.
		evidence.putAll(given.evidence());

		List<KeyDate> keyDates = given.keyDates().isEmpty() ? textDates(title + ".\n" + text, zone, order, evidence)
				: sorted(given.keyDates());
		KeyDate next = nextDeadline(keyDates, this.clock.instant());
		Instant opensAt = keyDates.stream()
			.filter(d -> d.kind() == KeyDate.Kind.OPENING)
			.map(KeyDate::at)
			.min(Comparator.naturalOrder())
			.orElse(null);

		String funder = given.funder() != null ? given.funder() : source.funder();
		Map<String, Object> facts = new LinkedHashMap<>(found.facts());
		// A fact read from a field replaces the sentence's: the field is what was used,
		// and the text's self-check material no longer describes the quote.
		if (given.applicantTypes() != null) {
			facts.put("applicantTypes", given.applicantTypes());
			facts.remove("applicantTypesNamed");
		}
		if (given.geographies() != null) {
			facts.put("eligibleGeographies", given.geographies());
			facts.remove("eligibleGeographiesNamed");
		}
		if (!facts.containsKey("eligibleGeographies")) {
			// The call does not say where applicants must be: the funder's general rule,
			// if it has one ("U.S. federal grants are for U.S. applicants"), and says so.
			FunderDefaults.Rule rule = this.defaults.geographyFor(source, raw.link(), funder, title + "\n" + text);
			if (rule != null) {
				facts.put("eligibleGeographies", rule.eligibleGeographies());
				facts.put("funderRule", rule.id());
				evidence.put("eligibleGeographies", rule.evidence());
			}
		}
		putIfGiven(facts, "coFinancingPct", given.coFinancingPct());
		putIfGiven(facts, "durationMonthsMax", given.durationMonths());
		money(given, found, facts);
		facts.put("instrument", given.instrument() != null ? given.instrument() : textInstrument(found));
		if (given.instrument() != null) {
			// The field says what the money is, so a word in the text does not make a
			// grant a loan; procurement and "other" are neither.
			facts.put("reimbursable", given.reimbursable());
			evidence.remove("reimbursable");
			if (given.reimbursable() != null) {
				evidence.put("reimbursable", given.evidence().get("instrument"));
			}
		}
		facts.values().removeIf(java.util.Objects::isNull);
		Requirements requirements = Requirements.of(facts, evidence);
		// What is left is the evidence of what is not a requirement: dates, themes.
		evidence.keySet().removeAll(RequirementFacts.names());
		return new NormalisedCall(source.sourceId() + ":" + raw.externalId(), source.sourceId(), raw.externalId(),
				raw.link(), funder, title, summary, text, language, raw.publishedAt(), opensAt,
				next == null ? null : next.at(), next == null ? null : next.zone(),
				union(given.themes(), found.themes()), requirements, evidence, given.reference(), given.programme(),
				given.status(), keyDates);
	}

	private static void putIfGiven(Map<String, Object> facts, String name, Object given) {
		if (given != null) {
			facts.put(name, given);
		}
	}

	/** Procurement words make a tender; loan words a loan; grant words a grant. */
	private static String textInstrument(FactExtractor.ExtractedFacts found) {
		if (Boolean.TRUE.equals(found.procurement())) {
			return "PROCUREMENT";
		}
		if (found.reimbursable() == null) {
			return null;
		}
		return found.reimbursable() ? "LOAN" : "GRANT";
	}

	/**
	 * The deadline that matters now: the next one still ahead (stage 1 before it closes,
	 * then stage 2), or the last one once all have passed.
	 */
	static KeyDate nextDeadline(List<KeyDate> keyDates, Instant now) {
		KeyDate next = null;
		KeyDate last = null;
		for (KeyDate date : keyDates) {
			if (date.kind() != KeyDate.Kind.DEADLINE) {
				continue;
			}
			if (!date.at().isBefore(now) && (next == null || date.at().isBefore(next.at()))) {
				next = date;
			}
			if (last == null || date.at().isAfter(last.at())) {
				last = date;
			}
		}
		return next != null ? next : last;
	}

	/**
	 * Money from the fields when they state amounts, else from the text; one currency for
	 * the grant range and the total.
	 */
	/**
	 * The money of the source's fields, completed by the text's only in the same
	 * currency: amounts, total and currency always come together.
	 */
	private static void money(FieldReader.Fields given, FactExtractor.ExtractedFacts found, Map<String, Object> facts) {
		if (given.currency() == null) {
			return;
		}
		boolean sameCurrency = given.currency().equals(found.facts().get("currency"));
		facts.put("currency", given.currency());
		facts.put("amountMin",
				given.amountMin() != null ? given.amountMin() : sameCurrency ? facts.get("amountMin") : null);
		facts.put("amountMax",
				given.amountMax() != null ? given.amountMax() : sameCurrency ? facts.get("amountMax") : null);
		facts.put("totalBudget",
				given.totalBudget() != null ? given.totalBudget() : sameCurrency ? facts.get("totalBudget") : null);
	}

	private List<KeyDate> textDates(String text, ZoneId zone, DateOrder order, Map<String, String> evidence) {
		String folded = TextFolding.fold(text);
		DateReader reader = new DateReader(order, this.dates);
		List<KeyDate> dates = new ArrayList<>();
		for (DateReader.ReadDate date : DeadlineParser.openings(folded, reader)) {
			dates.add(keyDate(KeyDate.Kind.OPENING, date, zone, false));
			evidence.putIfAbsent("opensAt", sentenceWith(text, folded, date));
		}
		for (DateReader.ReadDate date : DeadlineParser.deadlines(folded, reader)) {
			if (dates.stream().anyMatch(d -> d.kind() == KeyDate.Kind.OPENING && sameDay(d, date, zone))) {
				continue;
			}
			dates.add(keyDate(KeyDate.Kind.DEADLINE, date, zone, true));
			evidence.putIfAbsent("deadline", sentenceWith(text, folded, date));
		}
		return sorted(dates);
	}

	private static boolean sameDay(KeyDate opening, DateReader.ReadDate date, ZoneId zone) {
		return opening.at().atZone(ZoneId.of(opening.zone())).toLocalDate().equals(date.date());
	}

	private static KeyDate keyDate(KeyDate.Kind kind, DateReader.ReadDate date, ZoneId zone, boolean endOfDay) {
		return new KeyDate(kind, date.at(zone, endOfDay).toInstant(),
				(date.zone() != null ? date.zone() : zone).getId(), null, date.dateOnly());
	}

	private static List<KeyDate> sorted(List<KeyDate> dates) {
		return dates.stream().sorted(Comparator.comparing(KeyDate::at)).toList();
	}

	/**
	 * The sentence of the text in which a date was written: the one that also holds what
	 * followed the date (its time), else the first that holds the date.
	 */
	private static String sentenceWith(String text, String folded, DateReader.ReadDate date) {
		String written = folded.substring(date.start(), date.end());
		String withTime = folded.substring(date.start(), Math.min(folded.length(), date.end() + 20));
		String first = null;
		for (String sentence : FactExtractor.sentences(text)) {
			String foldedSentence = TextFolding.fold(sentence);
			if (foldedSentence.contains(withTime)) {
				return sentence;
			}
			if (first == null && foldedSentence.contains(written)) {
				first = sentence;
			}
		}
		return first != null ? first : written;
	}

	private static List<String> union(List<String> first, List<String> second) {
		if (first == null) {
			return second;
		}
		if (second == null) {
			return first;
		}
		Set<String> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	private static String country(String localeTag) {
		if (localeTag == null || localeTag.isBlank()) {
			return null;
		}
		String country = Locale.forLanguageTag(localeTag).getCountry();
		return country.isEmpty() ? null : country;
	}

	/** Block elements become line breaks so sentences and list items stay apart. */
	/**
	 * Joins the lines of a plain text that were wrapped in the middle of a sentence
	 * ("Aporte de hasta" / "USD 40,000."): a line that ends without punctuation goes on
	 * when the next starts in lower case or when it ends in a word that cannot end a
	 * sentence.
	 */
	static String unwrap(String text) {
		String[] lines = text.replace("\r\n", "\n").split("\n", -1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].stripTrailing();
			out.append(line);
			if (i == lines.length - 1) {
				break;
			}
			String next = lines[i + 1].stripLeading();
			boolean open = !line.isEmpty() && !next.isEmpty() && !SENTENCE_CLOSED.matcher(line).find()
					&& (Character.isLowerCase(next.charAt(0)) || WRAPPED_WORD.matcher(line).find());
			out.append(open ? " " : "\n");
		}
		return out.toString();
	}

	private static final java.util.regex.Pattern SENTENCE_CLOSED = java.util.regex.Pattern.compile("[.:;!?)»\"”]\\s*$");

	/** Words after which a sentence cannot end: articles, prepositions, conjunctions. */
	private static final java.util.regex.Pattern WRAPPED_WORD = java.util.regex.Pattern
		.compile("(?i)(?<![\\p{L}])(?:de|del|hasta|to|of|the|a|an|and|y|e|et|ou|or|o|en|in|em|por|per|para|for|with|"
				+ "con|com|du|des|le|la|les|el|los|las|un|una|up|from|desde|than|que|au|aux|da|do|das|dos|at|by)\\s*$");

	static String plainText(String html) {
		// A summary given as plain text (a feed's <summary>, an API's description) keeps
		// its
		// lines: headings, list items and "Eligibility:" openers are how the reader finds
		// the
		// passages that say who may apply. In real HTML a newline is only layout.
		String source = BLOCK_TAG.matcher(html).find() ? html : unwrap(html).replace("\n", "<br>");
		var document = Jsoup.parseBodyFragment(source);
		document.select("br, p, li, div, h1, h2, h3, h4, tr").after("\\n");
		String text = document.text().replace("\\n", "\n");
		return text.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
	}

}
