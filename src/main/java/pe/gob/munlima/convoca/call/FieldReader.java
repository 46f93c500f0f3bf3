package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structured fields a source gives ({@link RawField}) into facts, with the code
 * lists of reading/codes.yaml and the vocabulary. A field comes before the text: the
 * normaliser falls back to the text only for what the fields leave unknown. Each fact's
 * evidence names the field and the value it came from ("APPLICANT_TYPES: 02 | 25").
 */
final class FieldReader {

	private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s*(?:%|por ciento|percent)");

	private static final Pattern NO = Pattern.compile("^(no|false|none|n|0|ninguno|non|nao|not required)$");

	private static final Pattern MONTHS = Pattern.compile("(\\d{1,3})\\s*(?:meses|months|mois|mes|month)");

	private static final Pattern YEARS = Pattern.compile("(\\d{1,2})\\s*(?:anos|years|ans|year|ano|an)(?![\\p{L}])");

	private static final Pattern REFERENCE_NOISE = Pattern.compile("[\\s\\u00a0]+");

	private final SourceCodes codes;

	private final Vocabulary vocabulary;

	FieldReader(SourceCodes codes, Vocabulary vocabulary) {
		this.codes = codes;
		this.vocabulary = vocabulary;
	}

	Fields read(RawCall raw, ZoneId zone, DateOrder order, String dollar) {
		Map<String, String> evidence = new LinkedHashMap<>();
		DateReader dates = new DateReader(order, this.vocabulary.dates());
		List<KeyDate> keyDates = new ArrayList<>();
		keyDates.addAll(keyDates(raw, RawField.OPENS_AT, KeyDate.Kind.OPENING, dates, zone, evidence));
		keyDates.addAll(keyDates(raw, RawField.DEADLINE, KeyDate.Kind.DEADLINE, dates, zone, evidence));
		String currency = currency(raw, dollar);
		BigDecimal min = amount(raw, RawField.AMOUNT_MIN, evidence, "amountMin");
		BigDecimal max = amount(raw, RawField.AMOUNT_MAX, evidence, "amountMax");
		BigDecimal total = amount(raw, RawField.TOTAL_BUDGET, evidence, "totalBudget");
		MoneyReader said = amountText(raw, dollar, evidence);
		AmountParser.Amounts text = said.amounts();
		if (text != null && (currency == null || currency.equals(text.currency()))) {
			currency = text.currency();
			min = min != null ? min : text.min();
			max = max != null ? max : text.max();
			total = total != null ? total : said.total();
		}
		boolean anyAmount = min != null || max != null || total != null;
		String instrument = instrument(raw, evidence);
		return new Fields(reference(raw), first(raw, RawField.FUNDER), first(raw, RawField.PROGRAMME),
				status(raw, evidence), keyDates, anyAmount && currency != null ? min : null,
				anyAmount && currency != null ? max : null, anyAmount && currency != null ? total : null,
				anyAmount ? currency : null, applicantTypes(raw, evidence), geographies(raw, evidence),
				themes(raw, evidence), instrument, instrument == null ? null : this.codes.reimbursable(instrument),
				coFinancing(raw, evidence), duration(raw, evidence),
				LanguageDetector.declared(first(raw, RawField.LANGUAGE)), joined(raw, RawField.ELIGIBILITY), evidence);
	}

	/**
	 * The donor's reference as a key: upper case without spaces, so "PAR-21-168" and "par
	 * 21-168 " are one.
	 */
	static String normaliseReference(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return REFERENCE_NOISE.matcher(value.strip()).replaceAll("").toUpperCase(Locale.ROOT);
	}

	private static String reference(RawCall raw) {
		return normaliseReference(first(raw, RawField.REFERENCE));
	}

	private List<KeyDate> keyDates(RawCall raw, RawField field, KeyDate.Kind kind, DateReader dates, ZoneId zone,
			Map<String, String> evidence) {
		List<KeyDate> found = new ArrayList<>();
		for (String value : raw.values(field)) {
			if (value == null || value.isBlank()) {
				continue;
			}
			DateReader.ReadDate date = dates.value(value);
			if (date == null) {
				continue;
			}
			String label = label(value, date);
			found.add(new KeyDate(kind, date.at(zone, kind == KeyDate.Kind.DEADLINE).toInstant(),
					(date.zone() != null ? date.zone() : zone).getId(), label, date.dateOnly()));
			evidence.putIfAbsent(kind == KeyDate.Kind.DEADLINE ? "deadline" : "opensAt", field + ": " + value.strip());
		}
		return found;
	}

	/**
	 * "Fecha de cierre: 2026-08-27 17:00:00" is labelled "Fecha de cierre"; a bare date
	 * has no label.
	 */
	private static String label(String value, DateReader.ReadDate date) {
		String folded = TextFolding.fold(value);
		if (date.start() == 0 || date.start() > folded.length()) {
			return null;
		}
		// The label is the text before the date, as the source wrote it (same length when
		// folding removed no accent; otherwise cut at the colon).
		String before = value.contains(":") && value.indexOf(':') < value.length() - 1
				? value.substring(0, value.indexOf(':')) : value.substring(0, Math.min(value.length(), date.start()));
		String label = before.replaceAll("[\\s:–—-]+$", "").strip();
		return label.isEmpty() ? null : label;
	}

	private String currency(RawCall raw, String dollar) {
		String stated = first(raw, RawField.CURRENCY);
		if (stated != null) {
			String code = this.vocabulary.amounts().currencyIn(stated, dollar);
			if (code != null) {
				return code;
			}
			if (stated.strip().matches("[A-Za-z]{3}")) {
				return stated.strip().toUpperCase(Locale.ROOT);
			}
		}
		for (RawField field : new RawField[] { RawField.AMOUNT_MAX, RawField.AMOUNT_MIN, RawField.TOTAL_BUDGET }) {
			String value = first(raw, field);
			String code = value == null ? null : this.vocabulary.amounts().currencyIn(value, dollar);
			if (code != null) {
				return code;
			}
		}
		return null;
	}

	private static BigDecimal amount(RawCall raw, RawField field, Map<String, String> evidence, String fact) {
		String value = first(raw, field);
		BigDecimal amount = AmountParser.amount(value);
		if (amount != null) {
			evidence.putIfAbsent(fact, field + ": " + value.strip());
		}
		return amount;
	}

	/**
	 * The AMOUNT field is text about money only: every sentence of it is read, no cue
	 * needed ("Award Ceiling: $15,000,000", "Award Floor: $300,000").
	 */
	private MoneyReader amountText(RawCall raw, String dollar, Map<String, String> evidence) {
		MoneyReader money = new MoneyReader(this.vocabulary.amounts(), dollar);
		Map<String, String> sentences = new LinkedHashMap<>();
		for (String value : raw.values(RawField.AMOUNT)) {
			if (value != null) {
				for (String sentence : FactExtractor.sentences(value)) {
					money.read(sentence, TextFolding.fold(sentence), sentences);
				}
			}
		}
		sentences.forEach((fact, sentence) -> evidence.putIfAbsent(fact, RawField.AMOUNT + ": " + sentence));
		return money;
	}

	private String status(RawCall raw, Map<String, String> evidence) {
		for (String value : raw.values(RawField.STATUS)) {
			String status = this.codes.status(value);
			if (status != null) {
				evidence.putIfAbsent("status", RawField.STATUS + ": " + value.strip());
				return status;
			}
		}
		return null;
	}

	/**
	 * Codes through codes.yaml, labels through the vocabulary. A listed code that names
	 * no type ("25": see the text) adds nothing, so the text can still tell.
	 */
	private List<String> applicantTypes(RawCall raw, Map<String, String> evidence) {
		Set<String> types = new LinkedHashSet<>();
		for (String value : raw.values(RawField.APPLICANT_TYPES)) {
			if (value == null || value.isBlank()) {
				continue;
			}
			List<String> coded = this.codes.applicantTypes(code(value));
			if (coded != null) {
				types.addAll(coded);
			}
			else {
				match(this.vocabulary.applicantTypes(), value, types);
			}
		}
		if (types.isEmpty()) {
			return null;
		}
		evidence.put("applicantTypes", RawField.APPLICANT_TYPES + ": " + joined(raw, RawField.APPLICANT_TYPES));
		return List.copyOf(types);
	}

	/**
	 * Grants.gov codes are two digits; a spreadsheet makes "02" a number ("2", "2.0"),
	 * which is read back as "02".
	 */
	private static String code(String value) {
		String code = value.strip().replaceAll("\\.0$", "");
		return code.matches("\\d") ? "0" + code : code;
	}

	private List<String> geographies(RawCall raw, Map<String, String> evidence) {
		Set<String> places = new LinkedHashSet<>();
		for (String value : raw.values(RawField.COUNTRIES)) {
			if (value == null) {
				continue;
			}
			String code = value.strip().toUpperCase(Locale.ROOT);
			if (this.vocabulary.geographies().contains(code)) {
				places.add(code);
			}
			else {
				match(this.vocabulary.geographies(), value, places);
			}
		}
		if (places.isEmpty()) {
			return null;
		}
		evidence.put("eligibleGeographies", RawField.COUNTRIES + ": " + joined(raw, RawField.COUNTRIES));
		return List.copyOf(places);
	}

	private List<String> themes(RawCall raw, Map<String, String> evidence) {
		Set<String> themes = new LinkedHashSet<>();
		for (String value : raw.values(RawField.THEMES)) {
			if (value != null) {
				match(this.vocabulary.themes(), value, themes);
			}
		}
		if (themes.isEmpty()) {
			return null;
		}
		evidence.put("themes", RawField.THEMES + ": " + joined(raw, RawField.THEMES));
		return List.copyOf(themes);
	}

	private String instrument(RawCall raw, Map<String, String> evidence) {
		for (String value : raw.values(RawField.INSTRUMENT)) {
			String instrument = this.codes.instrument(value);
			if (instrument != null) {
				evidence.put("instrument", RawField.INSTRUMENT + ": " + value.strip());
				return instrument;
			}
		}
		return null;
	}

	/**
	 * "No" means no co-financing is required (0 %); a percentage is read; "Yes" alone
	 * leaves the share unknown, for the text to tell.
	 */
	private static BigDecimal coFinancing(RawCall raw, Map<String, String> evidence) {
		String value = first(raw, RawField.CO_FINANCING);
		if (value == null) {
			return null;
		}
		String folded = TextFolding.fold(value);
		BigDecimal pct = null;
		Matcher percent = PERCENT.matcher(folded);
		if (percent.find()) {
			pct = new BigDecimal(percent.group(1).replace(',', '.'));
		}
		else if (NO.matcher(folded).matches()) {
			pct = BigDecimal.ZERO;
		}
		if (pct != null) {
			evidence.put("coFinancingPct", RawField.CO_FINANCING + ": " + value.strip());
		}
		return pct;
	}

	private static Integer duration(RawCall raw, Map<String, String> evidence) {
		String value = first(raw, RawField.DURATION);
		if (value == null) {
			return null;
		}
		String folded = TextFolding.fold(value);
		Integer months = null;
		Matcher m = MONTHS.matcher(folded);
		Matcher y = YEARS.matcher(folded);
		if (m.find()) {
			months = Integer.valueOf(m.group(1));
		}
		else if (y.find()) {
			months = Integer.parseInt(y.group(1)) * 12;
		}
		if (months != null) {
			evidence.put("durationMonthsMax", RawField.DURATION + ": " + value.strip());
		}
		return months;
	}

	private static void match(Terms terms, String value, Set<String> into) {
		String folded = TextFolding.fold(value);
		terms.matchInto(folded, Terms.words(folded), into);
	}

	private static String first(RawCall raw, RawField field) {
		String value = raw.first(field);
		return value == null ? null : value.strip();
	}

	private static String joined(RawCall raw, RawField field) {
		List<String> values = raw.values(field).stream().filter(v -> v != null && !v.isBlank()).toList();
		return values.isEmpty() ? null : String.join(" | ", values);
	}

	/**
	 * What the fields say; null where they say nothing.
	 *
	 * @param reimbursable from the instrument, when the instrument tells
	 * @param language declared by the item itself, if one of es/en/fr/pt
	 * @param eligibility the eligibility text field, for the text extraction
	 */
	record Fields(String reference, String funder, String programme, String status, List<KeyDate> keyDates,
			BigDecimal amountMin, BigDecimal amountMax, BigDecimal totalBudget, String currency,
			List<String> applicantTypes, List<String> geographies, List<String> themes, String instrument,
			Boolean reimbursable, BigDecimal coFinancingPct, Integer durationMonths, String language,
			String eligibility, Map<String, String> evidence) {
	}

}
