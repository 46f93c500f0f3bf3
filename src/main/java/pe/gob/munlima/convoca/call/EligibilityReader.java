package pe.gob.munlima.convoca.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statements of a call that say who may apply and where, the way a cooperation
 * officer does, instead of collecting words sentence by sentence:
 * <ol>
 * <li><b>Passages.</b> A sentence is about eligibility when it has a cue ("pueden
 * postular", "open to", "s'adresse à") or stands under a heading or an opening line that
 * has one ("Who is eligible?", "Beneficiarios:"), over the list items that follow.</li>
 * <li><b>Coordination.</b> A modifier list shared by one noun is distributed: "local,
 * provincial and regional governments" also reads "local governments"; "gobiernos locales
 * y regionales" also reads "gobiernos regionales".</li>
 * <li><b>Scope.</b> A mention is excluded when an exclusion cue governs it in its clause
 * ("no puede apoyar a …", "… are not eligible", "à l'exclusion de …"). An exclusion
 * always wins over a mention elsewhere; a clause with two negations ("not eligible if you
 * are not …") is not read, since flattening it would invert it.</li>
 * <li><b>Places.</b> A country or region binds the applicant when a demonym qualifies who
 * applies ("municipios alemanes", "EU cities") or the eligibility sentence names it; it
 * binds the project when the sentence is about where the work happens ("projects in the
 * following countries"). The applicant's binding wins: Lima must be where applicants must
 * be.</li>
 * </ol>
 * Tools, chosen by measurement on the development set: sentence splitting and folding are
 * regular expressions (an OpenNLP sentence model splits "U.S. private voluntary
 * organizations" no better and costs a model load and ~10 MB per language); scopes are
 * clauses between ";" and sentence ends, which is where the evaluated calls put their
 * exclusions. Every cue list is data in reading/vocabulary.yaml, so the office extends
 * the reader without code.
 */
final class EligibilityReader {

	/**
	 * Sentence ends: . ! ? ; followed by a space and a capital, digit, bullet or quote,
	 * so "U.S. private" stays one sentence.
	 */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[\\p{Lu}\\p{N}\"“«•\\-(\\[¿¡])");

	private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[•\\-*–·▪]|\\(?[a-z0-9]{1,2}[.)])\\s*");

	/** A page marker of an attached document's text: "[Bases, p. 4]". */
	private static final Pattern DOCUMENT_PAGE = Pattern.compile("^\\[(.{1,120}, p\\. \\d{1,5})\\]$");

	/** A heading: short, no final period. */
	private static final int HEADING_MAX = 90;

	private static final Pattern TITLE_PLACE = Pattern
		.compile("(?<![\\p{L}])(?:en|in|em|au|dans)\\s+(?:el\\s+|the\\s+|le\\s+|o\\s+)?\\p{L}");

	/** A heading of another subject ("How to apply", "Plazos") is this short. */
	private static final int CLOSING_HEADING = 40;

	/** A line that ends in a conjunction or comma goes on in the next one. */
	private static final Pattern CONTINUATION = Pattern.compile("(?:,|;|\\s(?:and|or|y|o|e|ou|et))\\s*$");

	/** A line this short continues a passage even without a list mark. */
	private static final int SHORT_LINE = 120;

	/** How many lines a passage runs when no other heading closes it. */
	private static final int PASSAGE_LINES = 14;

	private static final String WORD = "[\\p{L}][\\p{L}-]*";

	private static final String NOUNS_EN = "(governments?|authorities|entities|institutions|bodies|agencies|"
			+ "organi[sz]ations|levels|councils)";

	private static final String NOUNS_ROMANCE = "(gobiernos|autoridades|entidades|instituciones|organismos|"
			+ "administraciones|governos|instituicoes|orgaos|collectivites|autorites|organismes|entites|"
			+ "collectivites territoriales)";

	/** "local, provincial and regional governments". */
	private static final Pattern COORDINATED_BEFORE = Pattern.compile("((?:" + WORD + "\\s*,\\s*)*" + WORD
			+ "\\s*,?\\s+(?:and|or|and/or)\\s+" + WORD + ")\\s+" + NOUNS_EN + "(?![\\p{L}])");

	/** "gobiernos locales, provinciales y regionales". */
	private static final Pattern COORDINATED_AFTER = Pattern.compile("(?<![\\p{L}])" + NOUNS_ROMANCE + "\\s+((?:" + WORD
			+ "\\s*,\\s*)*" + WORD + "\\s*,?\\s+(?:y|o|e|ou|et)\\s+" + WORD + ")");

	private static final Pattern CONJUNCTION = Pattern.compile("\\s*,\\s*|\\s+(?:and/or|and|or|y|o|e|ou|et)\\s+");

	/** Words a coordinated list may hold that are not modifiers of the noun. */
	private static final Set<String> NOT_MODIFIERS = Set.of("the", "all", "los", "las", "les", "des", "os", "as", "de",
			"del", "da", "do", "of", "other", "otros", "otras", "autres", "outros");

	/**
	 * How far (in characters) a demonym may stand from the applicant noun it qualifies.
	 */
	private static final int DEMONYM_REACH = 40;

	/**
	 * A restrictive relative clause or qualifier right after a noun: a subset of the
	 * kind.
	 */
	private static final Pattern SUBSET = Pattern
		.compile("\\s*,?\\s*(?:that|which|who|whose|que|qui|dont|cuyos?|cuyas?|with|con|com|avec|having|que hayan|"
				+ "que tengan|que ja|already|ya)(?![\\p{L}])");

	/** A relative pronoun after the first mention ends the subject of a clause. */
	private static final Pattern RELATIVE = Pattern
		.compile("(?<![\\p{L}])(?:que|which|who|that|qui|dont|quien|quienes|cuyo|cuya|whose)(?![\\p{L}])");

	/** An embassy or a mission named with its place: "Embajada … en San José". */
	private static final Pattern MISSION = Pattern.compile(
			"(?<![\\p{L}])(?:embajada|embassy|ambassade|embaixada|consulado|consulate|usaid\\s*/|mission to)(?![\\p{L}])");

	private static final Pattern PREPOSITION = Pattern.compile("(?<![\\p{L}])(?:en|in|em|at|au|a)\\s");

	/** How far after "Embassy" its place may be named. */
	private static final int MISSION_REACH = 60;

	private final Vocabulary vocabulary;

	private final Gazetteer places;

	EligibilityReader(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
		this.places = vocabulary.gazetteer();
	}

	/** One sentence with what the passage it stands in says about it. */
	record Sentence(String text, String folded, boolean eligibility, boolean negativePassage, boolean where,
			List<String> placed, String source) {

		/**
		 * The sentence as a reason quotes it: with its document and page when it has one.
		 */
		String cited() {
			return this.source == null ? this.text : this.source + ": " + this.text;
		}

	}

	/**
	 * Splits a call into sentences and marks those about eligibility and about where the
	 * work happens, from their own cues or their passage's.
	 */
	List<Sentence> sentences(String title, String text) {
		return sentences(title, text, List.of());
	}

	/**
	 * @param documents the text of attached documents, page markers included (see
	 * {@link RawField#DOCUMENT}); read after the page, so the page's own words come first
	 */
	List<Sentence> sentences(String title, String text, List<String> documents) {
		List<Sentence> result = new ArrayList<>();
		// A title that places the call ("Movilidad urbana en el Perú") says where
		// projects
		// happen; one that only names a funder ("Japan Foundation grants") says nothing.
		String foldedTitle = TextFolding.fold(title);
		List<String> placed = new ArrayList<>();
		for (Gazetteer.Place country : this.places.countries(foldedTitle)) {
			if (TITLE_PLACE.matcher(foldedTitle.substring(0, country.start())).find()) {
				placed.add(country.code());
			}
		}
		Sentence titleSentence = sentence(title, false, false, false);
		result.add(new Sentence(titleSentence.text(), titleSentence.folded(), titleSentence.eligibility(), false,
				titleSentence.where(), List.copyOf(placed), null));
		readLines(text, null, result);
		for (String document : documents) {
			readLines(document, null, result);
		}
		return result;
	}

	/**
	 * Reads the lines of the page or of one attached document; a document's marker lines
	 * ("[Bases, p. 4]") name the document and page its sentences are cited with.
	 */
	private void readLines(String text, String label, List<Sentence> result) {
		String[] lines = (text == null ? "" : text).split("\\R");
		String source = label;
		int passageLeft = 0;
		boolean first = false;
		boolean passageNegative = false;
		boolean passageWhere = false;
		boolean passageEligibility = false;
		for (String line : lines) {
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				continue;
			}
			Matcher marker = DOCUMENT_PAGE.matcher(stripped);
			if (marker.matches()) {
				source = marker.group(1);
				passageLeft = 0;
				continue;
			}
			String folded = TextFolding.fold(stripped);
			boolean heading = isHeading(stripped);
			boolean listItem = LIST_ITEM.matcher(stripped).find();
			boolean headingCue = this.vocabulary.eligibilityHeadings().matcher(folded).find();
			boolean cue = headingCue || this.vocabulary.eligibilityCues().matcher(folded).find();
			boolean whereCue = this.vocabulary.whereCues().matcher(folded).find();
			// A title that merely names applicants ("Guía para los solicitantes") opens
			// nothing: a heading opens only with an eligibility heading's words, a line
			// ending in ":" with any cue.
			boolean colon = stripped.endsWith(":");
			boolean opens = colon ? cue || whereCue : heading && (headingCue || whereCue);
			// A passage runs over the line after its opener and then over list items and
			// short lines; prose or a heading of another subject ends it.
			boolean closes = heading && !listItem && !cue && stripped.length() < CLOSING_HEADING
					&& !CONTINUATION.matcher(stripped).find()
					&& mentions(this.vocabulary.applicantTypes(), folded).isEmpty();
			boolean continues = passageLeft > 0 && !closes && (first || listItem || stripped.length() < SHORT_LINE);
			if (!continues) {
				passageLeft = 0;
			}
			boolean inPassage = passageLeft > 0 && !opens;
			for (String part : SENTENCE_END.split(stripped)) {
				if (!part.isBlank()) {
					Sentence read = sentence(part.strip(), inPassage && passageEligibility,
							inPassage && passageNegative, inPassage && passageWhere);
					result.add(source == null ? read : new Sentence(read.text(), read.folded(), read.eligibility(),
							read.negativePassage(), read.where(), read.placed(), source));
				}
			}
			first = false;
			if (opens) {
				passageLeft = PASSAGE_LINES;
				first = true;
				passageEligibility = cue;
				passageWhere = whereCue;
				passageNegative = this.vocabulary.negationAfter().matcher(folded).find()
						|| this.vocabulary.negationBefore().matcher(folded).find();
			}
			else if (passageLeft > 0) {
				passageLeft--;
			}
		}
	}

	private Sentence sentence(String text, boolean eligibilityPassage, boolean negativePassage, boolean where) {
		String folded = distribute(TextFolding.fold(text));
		boolean eligibility = eligibilityPassage || this.vocabulary.eligibilityCues().matcher(folded).find()
				|| this.vocabulary.applicantLocationCues().matcher(folded).find() || excludesAnApplicant(folded);
		boolean aboutWhere = where || this.vocabulary.whereCues().matcher(folded).find();
		return new Sentence(text, folded, eligibility, negativePassage, aboutWhere, List.of(), null);
	}

	/**
	 * A sentence that excludes a kind of applicant ("No funds will be provided to
	 * municipal governments") is about who may apply, whatever its other words: the
	 * exclusion cues mark it, so the eligibility cues need not repeat them.
	 */
	private boolean excludesAnApplicant(String folded) {
		return (this.vocabulary.negationBefore().matcher(folded).find()
				|| this.vocabulary.negationAfter().matcher(folded).find())
				&& !mentions(this.vocabulary.applicantTypes(), folded).isEmpty();
	}

	private static boolean isHeading(String line) {
		return line.length() <= HEADING_MAX && !line.endsWith(".") && !line.endsWith(",");
	}

	/**
	 * Rewrites coordinated modifiers of one noun as one phrase each: "local, provincial
	 * and regional governments" becomes "local governments, provincial governments and
	 * regional governments", so each kind is matched where it stands (and keeps its
	 * scope).
	 */
	static String distribute(String folded) {
		String once = rewrite(COORDINATED_BEFORE.matcher(folded), true);
		return rewrite(COORDINATED_AFTER.matcher(once), false);
	}

	private static String rewrite(Matcher m, boolean modifiersFirst) {
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String modifiers = modifiersFirst ? m.group(1) : m.group(2);
			String noun = modifiersFirst ? m.group(2) : m.group(1);
			List<String> parts = new ArrayList<>();
			// English adjectives take no plural: "organizations, universities and local
			// governments" is a list of nouns, not of kinds of government.
			boolean nouns = modifiersFirst && CONJUNCTION.splitAsStream(modifiers)
				.map(String::strip)
				.anyMatch(word -> word.endsWith("s") && !NOT_MODIFIERS.contains(word));
			for (String modifier : nouns ? new String[0] : CONJUNCTION.split(modifiers)) {
				if (!modifier.isBlank() && !NOT_MODIFIERS.contains(modifier.strip())) {
					parts.add(modifiersFirst ? modifier.strip() + " " + noun : noun + " " + modifier.strip());
				}
			}
			String replacement = parts.size() < 2 ? m.group() : String.join(", ", parts);
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** Who may apply: null when the call does not say. */
	Applicants applicants(List<Sentence> sentences) {
		Set<String> allowed = new LinkedHashSet<>();
		Set<String> excluded = new LinkedHashSet<>();
		String allowedEvidence = null;
		String excludedEvidence = null;
		boolean anyone = false;
		for (Sentence sentence : sentences) {
			if (!sentence.eligibility()) {
				continue;
			}
			for (String clause : sentence.folded().split(";")) {
				if (this.vocabulary.anyApplicant().matcher(clause).find()) {
					anyone = true;
					allowedEvidence = allowedEvidence == null ? sentence.cited() : allowedEvidence;
				}
				Scope scope = scope(clause, sentence.negativePassage());
				if (scope == Scope.UNREADABLE) {
					continue;
				}
				List<Mention> kinds = mentions(this.vocabulary.applicantTypes(), clause);
				int subjectEnd = subjectEnd(clause, kinds);
				for (Mention mention : kinds) {
					boolean negative = scope == Scope.NEGATIVE || negated(clause, mention.start(), mention.end());
					if (negative && SUBSET.matcher(clause.substring(mention.end())).lookingAt()) {
						// "the cities that received the award in 2021 are ineligible":
						// some
						// cities, not cities.
						continue;
					}
					if (!negative && mention.start() > subjectEnd) {
						// "organizations … that work with local governments": a mention
						// in a
						// relative clause is not who applies.
						continue;
					}
					if (negative) {
						excluded.addAll(this.vocabulary.withIncluded(mention.id()));
						excludedEvidence = excludedEvidence == null ? sentence.cited() : excludedEvidence;
					}
					else {
						allowed.addAll(this.vocabulary.withIncluded(mention.id()));
						allowedEvidence = allowedEvidence == null ? sentence.cited() : allowedEvidence;
					}
				}
			}
		}
		if (allowed.isEmpty() && excluded.isEmpty() && !anyone) {
			return null;
		}
		Set<String> result = new LinkedHashSet<>();
		if (anyone || allowed.isEmpty()) {
			result.addAll(this.vocabulary.applicantTypeIds());
		}
		result.addAll(allowed);
		result.removeAll(excluded);
		return new Applicants(List.copyOf(result), List.copyOf(excluded),
				excludedEvidence != null ? excludedEvidence : allowedEvidence);
	}

	/** Who may apply, what the call excludes in words, and the sentence that decides. */
	record Applicants(List<String> types, List<String> excluded, String evidence) {
	}

	/**
	 * The applicant types and places a quoted sentence names without an exclusion cue
	 * governing them, for the self-check: a refusal whose own quote names the applicant's
	 * kind or country positively is a reading to review, not a refusal.
	 */
	Set<String> namedPositively(String quoted) {
		Set<String> named = new LinkedHashSet<>();
		if (quoted == null) {
			return named;
		}
		String folded = distribute(TextFolding.fold(quoted));
		for (String clause : folded.split(";")) {
			if (scope(clause, false) != Scope.PLAIN) {
				continue;
			}
			// Who the clause is about: mentions in a relative clause ("… que trabajen con
			// gobiernos locales") are not applicants, here as in the reading. The kind's
			// bare
			// words ("local", "municipal") catch a coordination the reading did not
			// distribute.
			List<Mention> types = mentions(this.vocabulary.applicantTypes(), clause);
			int subjectEnd = subjectEnd(clause, types);
			List<Mention> kinds = new ArrayList<>(types);
			kinds.addAll(mentions(this.vocabulary.kindWords(), clause));
			for (Mention mention : kinds) {
				if (mention.start() < subjectEnd && !negated(clause, mention.start(), mention.end())) {
					named.addAll(this.vocabulary.withIncluded(mention.id()));
				}
			}
			for (Mention region : mentions(this.vocabulary.geographies(), clause)) {
				if (!negated(clause, region.start(), region.end())) {
					named.add(region.id());
				}
			}
			for (Gazetteer.Place country : this.places.countries(clause)) {
				if (!negated(clause, country.start(), country.end())) {
					named.add(country.code());
				}
			}
		}
		return named;
	}

	/** Where applicants or projects must be: null when the call does not say. */
	Places places(List<Sentence> sentences, String funder) {
		Set<String> applicantBound = new LinkedHashSet<>();
		Set<String> projectBound = new LinkedHashSet<>();
		Set<String> excluded = new LinkedHashSet<>();
		String applicantEvidence = null;
		String projectEvidence = null;
		String excludedEvidence = null;
		for (Sentence sentence : sentences) {
			if (!sentence.placed().isEmpty()) {
				projectBound.addAll(sentence.placed());
				projectEvidence = projectEvidence == null ? sentence.cited() : projectEvidence;
			}
			if (!sentence.eligibility() && !sentence.where()) {
				continue;
			}
			for (String clause : sentence.folded().split(";")) {
				Scope scope = scope(clause, sentence.negativePassage());
				if (scope == Scope.UNREADABLE) {
					continue;
				}
				List<Mention> applicantsHere = mentions(this.vocabulary.applicantTypes(), clause);
				Set<String> bound = new LinkedHashSet<>();
				Set<String> named = new LinkedHashSet<>();
				Set<String> negative = new LinkedHashSet<>();
				for (Gazetteer.Place demonym : this.places.demonyms(clause)) {
					if (qualifiesAnApplicant(demonym, applicantsHere)) {
						(scope == Scope.NEGATIVE || negated(clause, demonym.start(), demonym.end()) ? negative : bound)
							.add(demonym.code());
					}
				}
				List<Mention> regions = mentions(this.vocabulary.geographies(), clause);
				List<Gazetteer.Place> countries = this.places.countries(clause);
				for (Mention region : regions) {
					(scope == Scope.NEGATIVE || negated(clause, region.start(), region.end()) ? negative : named)
						.add(region.id());
				}
				for (Gazetteer.Place country : countries) {
					if (insideRegionName(country, regions)) {
						continue;
					}
					(scope == Scope.NEGATIVE || negated(clause, country.start(), country.end()) ? negative : named)
						.add(country.code());
				}
				if (!negative.isEmpty()) {
					excluded.addAll(negative);
					excludedEvidence = excludedEvidence == null ? sentence.cited() : excludedEvidence;
				}
				if (!bound.isEmpty()) {
					applicantBound.addAll(bound);
					applicantEvidence = applicantEvidence == null ? sentence.cited() : applicantEvidence;
				}
				if (named.isEmpty()) {
					continue;
				}
				boolean aboutProjects = sentence.where()
						&& !this.vocabulary.applicantLocationCues().matcher(clause).find();
				if (sentence.eligibility() && !aboutProjects) {
					applicantBound.addAll(named);
					applicantEvidence = applicantEvidence == null ? sentence.cited() : applicantEvidence;
				}
				else {
					projectBound.addAll(named);
					projectEvidence = projectEvidence == null ? sentence.cited() : projectEvidence;
				}
			}
		}
		if (applicantBound.isEmpty() && projectBound.isEmpty() && funder != null) {
			String mission = missionCountry(TextFolding.fold(funder));
			if (mission != null) {
				projectBound.add(mission);
				projectEvidence = funder;
			}
		}
		if (applicantBound.isEmpty() && projectBound.isEmpty() && funder != null) {
			// A national programme ("en el territorio nacional", "Governo Federal") funds
			// its own country's entities: the country the funder names.
			List<Gazetteer.Place> home = this.places.countries(TextFolding.fold(funder));
			Sentence domestic = sentences.stream()
				.filter(sentence -> this.vocabulary.domesticCues().matcher(sentence.folded()).find())
				.findFirst()
				.orElse(null);
			if (domestic != null && home.stream().map(Gazetteer.Place::code).distinct().count() == 1) {
				projectBound.add(home.get(0).code());
				projectEvidence = domestic.cited();
			}
		}
		if (applicantBound.isEmpty() && projectBound.isEmpty() && excluded.isEmpty()) {
			return null;
		}
		boolean byApplicant = !applicantBound.isEmpty();
		return new Places(byApplicant ? List.copyOf(applicantBound) : List.copyOf(projectBound),
				byApplicant ? applicantEvidence : projectEvidence, List.copyOf(excluded), excludedEvidence);
	}

	/**
	 * Where applicants (or else projects) must be, and what is excluded; the lists may be
	 * empty.
	 */
	record Places(List<String> eligible, String eligibleEvidence, List<String> excluded, String excludedEvidence) {
	}

	/**
	 * The country an embassy or aid mission stands in, from its name: "Embassy … Lima".
	 */
	String missionCountry(String foldedFunder) {
		Matcher mission = MISSION.matcher(foldedFunder);
		if (!mission.find()) {
			return null;
		}
		String after = foldedFunder.substring(mission.end());
		// "Embajada de Alemania en San José": the place after "en", not the sending
		// country.
		Matcher in = PREPOSITION.matcher(after);
		String where = in.find() && in.start() < MISSION_REACH ? after.substring(in.end()) : after;
		List<Gazetteer.Place> found = new ArrayList<>(this.places.capitals(where));
		found.addAll(this.places.countries(where));
		return found.stream()
			.filter(place -> place.start() < MISSION_REACH)
			.min((a, b) -> Integer.compare(a.start(), b.start()))
			.map(Gazetteer.Place::code)
			.orElse(null);
	}

	/**
	 * Where the subject of a clause ends: at the first relative pronoun that follows an
	 * applicant mention, or the clause's end.
	 */
	private static int subjectEnd(String clause, List<Mention> found) {
		if (found.isEmpty()) {
			return clause.length();
		}
		Matcher relative = RELATIVE.matcher(clause);
		return relative.find(found.get(0).end()) ? relative.start() : clause.length();
	}

	private static boolean insideRegionName(Gazetteer.Place country, List<Mention> regions) {
		for (Mention region : regions) {
			if (country.start() >= region.start() && country.end() <= region.end()) {
				return true;
			}
		}
		return false;
	}

	private static boolean qualifiesAnApplicant(Gazetteer.Place demonym, List<Mention> applicants) {
		for (Mention applicant : applicants) {
			int gap = demonym.start() >= applicant.end() ? demonym.start() - applicant.end()
					: applicant.start() - demonym.end();
			if (gap >= 0 && gap <= DEMONYM_REACH
					|| demonym.start() >= applicant.start() && demonym.end() <= applicant.end()) {
				return true;
			}
		}
		return false;
	}

	enum Scope {

		/** Read mention by mention. */
		PLAIN,
		/** Everything named in it is excluded (a list under "Who is not eligible"). */
		NEGATIVE,
		/** Two negations: reading one of them would invert the other. */
		UNREADABLE

	}

	private Scope scope(String clause, boolean negativePassage) {
		int negations = count(this.vocabulary.bareNegation(), clause);
		if (negativePassage) {
			return negations > 0 ? Scope.UNREADABLE : Scope.NEGATIVE;
		}
		return negations > 1 ? Scope.UNREADABLE : Scope.PLAIN;
	}

	private static int count(Pattern pattern, String text) {
		int n = 0;
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			n++;
		}
		return n;
	}

	/**
	 * Whether an exclusion cue governs [start, end): one before it in the clause ("no
	 * puede apoyar a instituciones estatales"), or one after it ("NGOs are not
	 * eligible").
	 */
	private boolean negated(String clause, int start, int end) {
		Matcher before = this.vocabulary.negationBefore().matcher(clause);
		while (before.find()) {
			if (before.end() <= start) {
				return true;
			}
		}
		Matcher after = this.vocabulary.negationAfter().matcher(clause);
		while (after.find()) {
			if (after.start() >= end) {
				return true;
			}
		}
		return false;
	}

	/** A term of a vocabulary section at [start, end) of a folded text. */
	record Mention(String id, int start, int end) {
	}

	static List<Mention> mentions(Terms terms, String folded) {
		return terms.mentions(folded);
	}

	/** Evidence of each fact, kept in the order facts were read. */
	static Map<String, String> evidence() {
		return new LinkedHashMap<>();
	}

}
