package pe.gob.munlima.convoca.quality;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import pe.gob.munlima.convoca.quality.EvaluationSet.EvaluationCase;

/**
 * The one definition of every figure of issue 13's evaluation, shared by the report
 * command ({@link QualityReport}) and the floors of {@code ./mvnw verify}
 * ({@link QualityFloorsIntegrationTests}), computed exactly as the reference scorer
 * {@code ../shared/evaluation/score.py} does, so the project's numbers and the study's
 * can be compared: the verdict is recomputed without the deadline reasons (most real
 * calls are past), and rule ids are mapped to criterion families by the same prefixes.
 */
final class Scorecard {

	static final String ELIGIBLE = "ELIGIBLE";

	static final String NEEDS_REVIEW = "NEEDS_REVIEW";

	static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

	/** Severities that exclude (score.py's BLOCKING). */
	private static final Set<String> BLOCKING = Set.of("NOT_ELIGIBLE", "FAIL", "BLOCKING");

	/**
	 * Rule-id prefix → criterion family, first match wins; the order and the names are
	 * score.py's FAMILY, so a rule counts for the same criterion here and there.
	 */
	private static final List<Map.Entry<String, String>> FAMILY = List.of(Map.entry("applicant-type", "applicant-type"),
			Map.entry("application-language", "language"), Map.entry("co-financing", "co-financing"),
			Map.entry("country-excluded", "geography"), Map.entry("geography", "geography"),
			Map.entry("income-group", "geography"), Map.entry("duration", "duration"), Map.entry("network", "network"),
			Map.entry("partner", "partnership"), Map.entry("population", "population"),
			Map.entry("registration", "registration"), Map.entry("reimbursable", "instrument"),
			Map.entry("procurement", "instrument"), Map.entry("requested", "grant-size"),
			Map.entry("grant-size", "grant-size"), Map.entry("theme", "theme"), Map.entry("deadline", "deadline"));

	/** One reason of {@code GET /api/eligibility}, as the scorer reads it. */
	record Reason(String ruleId, String severity) {

		boolean deadline() {
			return this.ruleId.startsWith("deadline");
		}

		boolean blocking() {
			return BLOCKING.contains(this.severity);
		}

		@Override
		public String toString() {
			return this.ruleId + ":" + this.severity;
		}

	}

	/**
	 * A case judged: the verdict recomputed without deadlines, or the error that kept it
	 * from being judged.
	 */
	record Outcome(EvaluationCase evaluationCase, List<Reason> nonPass, String error) {

		static Outcome judged(EvaluationCase c, List<Reason> reasons) {
			return new Outcome(c, reasons.stream().filter(r -> !"PASS".equals(r.severity())).toList(), null);
		}

		static Outcome failed(EvaluationCase c, String error) {
			return new Outcome(c, List.of(), error);
		}

		String got() {
			return this.error != null ? "ERROR" : verdictWithoutDeadline(this.nonPass);
		}

		Set<String> blockingFamilies() {
			return Scorecard.blockingFamilies(this.nonPass);
		}

		boolean ok() {
			return this.error == null && this.evaluationCase.acceptable().contains(got());
		}

	}

	/** The criterion family of a rule id (the id itself when no prefix matches). */
	static String family(String ruleId) {
		return FAMILY.stream()
			.filter(e -> ruleId.startsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(ruleId);
	}

	/** The verdict the reasons give once the deadline reasons are left out. */
	static String verdictWithoutDeadline(Collection<Reason> reasons) {
		List<Reason> rest = reasons.stream().filter(r -> !"PASS".equals(r.severity()) && !r.deadline()).toList();
		if (rest.stream().anyMatch(Reason::blocking)) {
			return NOT_ELIGIBLE;
		}
		return rest.isEmpty() ? ELIGIBLE : NEEDS_REVIEW;
	}

	static Set<String> blockingFamilies(Collection<Reason> reasons) {
		Set<String> families = new TreeSet<>();
		reasons.stream().filter(r -> !r.deadline() && r.blocking()).forEach(r -> families.add(family(r.ruleId())));
		return families;
	}

	final List<Outcome> outcomes;

	final int cases;

	final int errors;

	/** The verdict is one of the acceptable ones. */
	final int agreement;

	/** The verdict is the expected one. */
	final int exact;

	final int eligible;

	/** ELIGIBLE by the human, NOT_ELIGIBLE by Convoca: a missed grant. */
	final int eligibleWronglyRejected;

	/** Cases the human decides (ELIGIBLE or NOT_ELIGIBLE). */
	final int decided;

	/** Decided by the human, NEEDS_REVIEW by Convoca where a review is not acceptable. */
	final int decidedLeftForReview;

	final int failingCriteria;

	/** Failing criteria that Convoca blocks on (per family of rule ids). */
	final int criteriaNamed;

	/** Blocking families the human does not see failing. */
	final int wrongBlockingReasons;

	/** Cases Convoca leaves as NEEDS_REVIEW, deadline ignored. */
	final int needsReview;

	/** Per criterion family: {failing, named}. */
	final Map<String, int[]> recallByFamily = new TreeMap<>();

	final Map<String, Integer> wrongBlockingByFamily = new TreeMap<>();

	Scorecard(List<Outcome> outcomes) {
		this.outcomes = List.copyOf(outcomes);
		int n = 0, err = 0, agree = 0, strict = 0, elig = 0, rejected = 0, dec = 0, review = 0, expected = 0, found = 0,
				wrong = 0, nr = 0;
		for (Outcome o : outcomes) {
			n++;
			if (o.error() != null) {
				err++;
				continue;
			}
			EvaluationCase c = o.evaluationCase();
			String got = o.got();
			agree += o.ok() ? 1 : 0;
			strict += got.equals(c.expectedVerdict()) ? 1 : 0;
			nr += NEEDS_REVIEW.equals(got) ? 1 : 0;
			Set<String> failing = new HashSet<>(c.failingCriteria());
			Set<String> blocking = o.blockingFamilies();
			expected += failing.size();
			for (String f : failing) {
				int[] counts = this.recallByFamily.computeIfAbsent(f, k -> new int[2]);
				counts[0]++;
				if (blocking.contains(f)) {
					counts[1]++;
					found++;
				}
			}
			for (String f : blocking) {
				if (!failing.contains(f)) {
					wrong++;
					this.wrongBlockingByFamily.merge(f, 1, Integer::sum);
				}
			}
			if (ELIGIBLE.equals(c.expectedVerdict())) {
				elig++;
				rejected += NOT_ELIGIBLE.equals(got) ? 1 : 0;
			}
			if (!NEEDS_REVIEW.equals(c.expectedVerdict())) {
				dec++;
				review += NEEDS_REVIEW.equals(got) && !c.acceptable().contains(NEEDS_REVIEW) ? 1 : 0;
			}
		}
		this.cases = n;
		this.errors = err;
		this.agreement = agree;
		this.exact = strict;
		this.eligible = elig;
		this.eligibleWronglyRejected = rejected;
		this.decided = dec;
		this.decidedLeftForReview = review;
		this.failingCriteria = expected;
		this.criteriaNamed = found;
		this.wrongBlockingReasons = wrong;
		this.needsReview = nr;
	}

	/** score.py's last line, word for word, so both can be compared at a glance. */
	String summaryLine() {
		return String.format(Locale.ROOT,
				"agreement %d/%d (%s), exact %d/%d; eligible wrongly rejected %d/%d; decided cases left for review %d/%d; "
						+ "failing criteria found %d/%d; wrong blocking reasons %d; errors %d",
				this.agreement, this.cases, percent(this.agreement, this.cases), this.exact, this.cases,
				this.eligibleWronglyRejected, this.eligible, this.decidedLeftForReview, this.decided,
				this.criteriaNamed, this.failingCriteria, this.wrongBlockingReasons, this.errors);
	}

	/** Python's {@code :.0%}: rounded half to even. */
	static String percent(int part, int whole) {
		return new java.math.BigDecimal(part * 100L).divide(java.math.BigDecimal.valueOf(Math.max(whole, 1)), 0,
				java.math.RoundingMode.HALF_EVEN) + "%";
	}

}
