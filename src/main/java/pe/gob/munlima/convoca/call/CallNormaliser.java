package pe.gob.munlima.convoca.call;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Turns a {@link RawCall} into the {@link NormalisedCall} that is stored: sanitised
 * summary, plain text, language, deadline and the eligibility facts the text states.
 */
final class CallNormaliser {

	private final FactExtractor facts;

	CallNormaliser(Vocabulary vocabulary) {
		this.facts = new FactExtractor(vocabulary);
	}

	NormalisedCall normalise(SourceInfo source, RawCall raw) {
		if (raw.title() == null || raw.title().isBlank()) {
			throw new IllegalArgumentException("item " + raw.externalId() + " has no title");
		}
		String html = raw.summaryHtml() == null ? "" : raw.summaryHtml();
		// Stored HTML keeps links and emphasis only: scripts, styles and handlers never
		// reach a page.
		String summary = Jsoup.clean(html, Safelist.basic());
		String text = plainText(html);
		String title = Jsoup.parse(raw.title()).text().strip();
		String language = source.language() != null ? source.language() : LanguageGuesser.guess(title + " " + text);
		FactExtractor.ExtractedFacts found = this.facts.extract(title, text);
		Map<String, String> evidence = new java.util.LinkedHashMap<>(found.evidence());
		var deadline = DeadlineParser.find(title + ". " + text, source.zone());
		deadline.ifPresent(d -> evidence.put("deadline", sentenceAround(text, d)));
		AmountParser.Amounts amounts = found.amounts();
		return new NormalisedCall(source.sourceId() + ":" + raw.externalId(), source.sourceId(), raw.externalId(),
				raw.link(), source.funder(), title, summary, text, language, raw.publishedAt(), null,
				deadline.map(d -> d.at().toInstant()).orElse(null),
				deadline.map(d -> d.at().getZone().getId()).orElse(null), amounts == null ? null : amounts.min(),
				amounts == null ? null : amounts.max(), amounts == null ? null : amounts.currency(),
				found.coFinancingPct(), found.applicantTypes(), found.eligibleGeographies(), found.excludedCountries(),
				found.themes(), found.partnershipRegion(), found.networkRequired(), found.reimbursable(),
				found.durationMonthsMax(), found.applicationLanguages(), found.requiredRegistrations(),
				found.populationMin(), found.populationMax(), found.eligibleIncomeGroups(),
				found.excludedIncomeGroups(), Map.copyOf(evidence));
	}

	/** Block elements become line breaks so sentences and list items stay apart. */
	static String plainText(String html) {
		var document = Jsoup.parseBodyFragment(html);
		document.select("br, p, li, div, h1, h2, h3, h4, tr").after("\\n");
		String text = document.text().replace("\\n", "\n");
		return text.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
	}

	private static String sentenceAround(String text, DeadlineParser.Deadline deadline) {
		for (String sentence : FactExtractor.sentences(text)) {
			if (DeadlineParser.find(sentence, deadline.at().getZone()).isPresent()) {
				return sentence;
			}
		}
		return deadline.at().toString();
	}

}
