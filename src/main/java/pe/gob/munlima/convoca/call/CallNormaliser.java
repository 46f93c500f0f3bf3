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

	CallNormaliser(Vocabulary vocabulary, SourceCodes codes, LanguageDetector languages, Clock clock) {
		this(vocabulary, codes, languages, clock, FunderDefaults.none());
	}

	CallNormaliser(Vocabulary vocabulary, SourceCodes codes, LanguageDetector languages, Clock clock,
			FunderDefaults defaults) {
		this.defaults = defaults;
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
		List<String> geographies = given.geographies() != null ? given.geographies() : found.eligibleGeographies();
		if (geographies == null) {
			// The call does not say where applicants must be: the funder's general rule,
			// if
			// it has one ("U.S. federal grants are for U.S. applicants"), and says so.
			FunderDefaults.Rule rule = this.defaults.geographyFor(source, raw.link(), funder, title + "\n" + text);
			if (rule != null) {
				geographies = rule.eligibleGeographies();
				evidence.put("eligibleGeographies", rule.evidence());
				evidence.put(FunderDefaults.EVIDENCE_KEY, rule.id());
			}
		}
		Money money = money(given, found);
		String instrument = given.instrument() != null ? given.instrument() : textInstrument(found);
		Boolean reimbursable = found.reimbursable();
		if (given.instrument() != null) {
			// The field says what the money is, so a word in the text does not make a
			// grant
			// a loan; procurement and "other" are neither.
			reimbursable = given.reimbursable();
			evidence.remove("reimbursable");
			if (reimbursable != null) {
				evidence.put("reimbursable", given.evidence().get("instrument"));
			}
		}
		return new NormalisedCall(source.sourceId() + ":" + raw.externalId(), source.sourceId(), raw.externalId(),
				raw.link(), given.funder() != null ? given.funder() : source.funder(), title, summary, text, language,
				raw.publishedAt(), opensAt, next == null ? null : next.at(), next == null ? null : next.zone(),
				money.min(), money.max(), money.currency(),
				given.coFinancingPct() != null ? given.coFinancingPct() : found.coFinancingPct(),
				given.applicantTypes() != null ? given.applicantTypes() : found.applicantTypes(), geographies,
				found.excludedCountries(), union(given.themes(), found.themes()), found.partnershipRegion(),
				found.networkRequired(), reimbursable,
				given.durationMonths() != null ? given.durationMonths() : found.durationMonthsMax(),
				found.applicationLanguages(), found.requiredRegistrations(), found.populationMin(),
				found.populationMax(), found.eligibleIncomeGroups(), found.excludedIncomeGroups(), evidence,
				given.reference(), given.programme(), money.total(), instrument, given.status(), keyDates);
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
	private static Money money(FieldReader.Fields given, FactExtractor.ExtractedFacts found) {
		AmountParser.Amounts text = found.amounts();
		if (given.currency() != null) {
			boolean sameCurrency = text != null && given.currency().equals(text.currency());
			BigDecimal min = given.amountMin() != null ? given.amountMin() : sameCurrency ? text.min() : null;
			BigDecimal max = given.amountMax() != null ? given.amountMax() : sameCurrency ? text.max() : null;
			BigDecimal total = given.totalBudget() != null ? given.totalBudget()
					: sameCurrency ? found.totalBudget() : null;
			return new Money(min, max, total, given.currency());
		}
		if (text == null) {
			return new Money(null, null, null, null);
		}
		return new Money(text.min(), text.max(), found.totalBudget(), text.currency());
	}

	private List<KeyDate> textDates(String text, ZoneId zone, DateOrder order, Map<String, String> evidence) {
		String folded = TextFolding.fold(text);
		DateReader reader = new DateReader(order);
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

	private record Money(BigDecimal min, BigDecimal max, BigDecimal total, String currency) {
	}

}
