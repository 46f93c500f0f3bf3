package pe.gob.munlima.convoca.match;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;
import pe.gob.munlima.convoca.rules.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Signal, not noise" (issue 17) without a database: new matches grouped by call, calls
 * and pairs ranked by fit, the relevance floor, a doubt about the call said once, and
 * filters that only hide (nothing is lost from the count).
 */
class NewMatchSignalTests {

	private static final SignalProperties PROPERTIES = new SignalProperties(4.0f, true, List
		.of("applicant-type-unknown", "geography-unknown", "grant-size-unknown", "deadline-unknown", "*-self-check"),
			null);

	private static final GerenciaProfile GMU = new GerenciaProfile(1, "GMU", "Gerencia de Movilidad Urbana",
			List.of("mobility", "climate"), null);

	private static final GerenciaProfile GGRD = new GerenciaProfile(2, "GGRD",
			"Gerencia de Gestión del Riesgo de Desastres", List.of("disaster-risk", "climate"), null);

	private static final ProjectProfile CICLOVIAS = project(10, "P-11-CICLOVIAS", GMU, "Red de ciclovías",
			List.of("mobility", "urban-development"));

	private static final ProjectProfile BUSES = project(11, "P-10-BUSES", GMU, "Buses eléctricos",
			List.of("mobility", "climate"));

	private static final ProjectProfile TSUNAMI = project(12, "P-20-TSUNAMI", GGRD,
			"Intercambio sobre preparación ante tsunamis", List.of("disaster-risk"));

	private final List<NewMatchFilter> floor = List.of(new RelevanceFloor(PROPERTIES));

	private long ids = 100;

	@Test
	void aPairIsShownWhenTheCallStatesOneOfItsThemesOrScoresAtLeastTheFloor() {
		CallView award = call(1, "Premio Capital Verde", List.of("climate", "environment"), null);
		NewMatchSignal.Selection selection = NewMatchSignal.group(List.of(
				// shares "climate" with the call, however low its score
				candidate(award, BUSES, Verdict.NEEDS_REVIEW, 0.5f),
				// no theme in common, but the call's words score high against its query
				candidate(award, CICLOVIAS, Verdict.NEEDS_REVIEW, 4.0f),
				// a candidate only through its gerencia's "climate": another subject
				candidate(award, TSUNAMI, Verdict.NEEDS_REVIEW, 3.99f)), this.floor, PROPERTIES);

		assertThat(selection.total()).isEqualTo(3);
		assertThat(selection.shownCount()).isEqualTo(2);
		assertThat(selection.hiddenCount()).isEqualTo(1);
		NewMatchSignal.CallGroup group = selection.calls().get(0);
		assertThat(group.shown()).extracting(NewMatchSignal.Pair::projectCode)
			.containsExactly("P-11-CICLOVIAS", "P-10-BUSES");
		assertThat(group.pairs()).filteredOn(pair -> !pair.shown())
			.extracting(NewMatchSignal.Pair::projectCode)
			.containsExactly("P-20-TSUNAMI");
		assertThat(selection.shows(1, TSUNAMI.id(), null)).isFalse();
		assertThat(selection.shows(1, BUSES.id(), null)).isTrue();
	}

	@Test
	void withoutTheThemeOverlapOnlyTheScoreCounts() {
		SignalProperties scoreOnly = new SignalProperties(4.0f, false, List.of(), null);
		CallView award = call(1, "Premio Capital Verde", List.of("climate"), null);
		NewMatchSignal.Selection selection = NewMatchSignal.group(
				List.of(candidate(award, BUSES, Verdict.ELIGIBLE, 0.5f)), List.of(new RelevanceFloor(scoreOnly)),
				scoreOnly);
		assertThat(selection.shownCount()).isZero();
		assertThat(selection.calls()).isEmpty();
		assertThat(selection.all()).hasSize(1);
	}

	@Test
	void aDoubtAboutTheCallIsSaidOnceAtTheCallAndNotRepeatedPerProject() {
		CallView youth = call(1, "Youth program", List.of("mobility"), null);
		List<NewMatchSignal.Candidate> candidates = new ArrayList<>();
		for (ProjectProfile project : List.of(CICLOVIAS, BUSES)) {
			candidates.add(candidate(youth, project, Verdict.NEEDS_REVIEW, 6f, review("applicant-type-unknown"),
					review("geography-unknown"), review("grant-size-unknown"), pass("theme-ok")));
		}
		candidates.add(candidate(youth, project(13, "P-13", GMU, "Otro", List.of("mobility")), Verdict.NEEDS_REVIEW, 6f,
				review("applicant-type-unknown"), review("application-language-missing")));

		NewMatchSignal.CallGroup group = NewMatchSignal.group(candidates, this.floor, PROPERTIES).calls().get(0);

		assertThat(group.doubts()).extracting(Reason::ruleId)
			.containsExactly("applicant-type-unknown", "geography-unknown", "grant-size-unknown");
		assertThat(group.pairs()).filteredOn(pair -> pair.projectCode().startsWith("P-1") && pair.reasons().isEmpty())
			.hasSize(2)
			.allMatch(NewMatchSignal.Pair::onlyCallDoubts);
		NewMatchSignal.Pair other = group.pairs()
			.stream()
			.filter(pair -> pair.projectCode().equals("P-13"))
			.findFirst()
			.orElseThrow();
		assertThat(other.reasons()).extracting(Reason::ruleId).containsExactly("application-language-missing");
		assertThat(other.onlyCallDoubts()).isFalse();
	}

	@Test
	void selfChecksAreCallDoubtsByPatternAndProjectDoubtsAreNot() {
		assertThat(PROPERTIES.isCallDoubt("geography-self-check")).isTrue();
		assertThat(PROPERTIES.isCallDoubt("applicant-type-self-check")).isTrue();
		assertThat(PROPERTIES.isCallDoubt("deadline-unknown")).isTrue();
		assertThat(PROPERTIES.isCallDoubt("co-financing-unknown-budget")).isFalse();
		assertThat(new SignalProperties(null, null, List.of("geography-*"), null).isCallDoubt("geography-unknown"))
			.isTrue();
	}

	@Test
	void callsAreRankedByBestVerdictThenScoreThenNearestDeadline() {
		CallView later = call(1, "Later", List.of("mobility"), Instant.parse("2027-06-30T00:00:00Z"));
		CallView sooner = call(2, "Sooner", List.of("mobility"), Instant.parse("2027-03-31T00:00:00Z"));
		CallView eligible = call(3, "Eligible", List.of("mobility"), null);
		CallView relevant = call(4, "Relevant", List.of("mobility"), Instant.parse("2027-12-31T00:00:00Z"));
		NewMatchSignal.Selection selection = NewMatchSignal
			.group(List.of(candidate(later, CICLOVIAS, Verdict.NEEDS_REVIEW, 5f),
					candidate(sooner, CICLOVIAS, Verdict.NEEDS_REVIEW, 5f),
					candidate(eligible, BUSES, Verdict.NEEDS_REVIEW, 1f),
					candidate(eligible, CICLOVIAS, Verdict.ELIGIBLE, 1f),
					candidate(relevant, CICLOVIAS, Verdict.NEEDS_REVIEW, 9f)), this.floor, PROPERTIES);

		assertThat(selection.calls()).extracting(group -> group.call().title())
			.containsExactly("Eligible", "Relevant", "Sooner", "Later");
		NewMatchSignal.CallGroup first = selection.calls().get(0);
		assertThat(first.verdict()).isEqualTo(Verdict.ELIGIBLE);
		assertThat(first.pairs()).extracting(pair -> pair.match().verdict())
			.containsExactly(Verdict.ELIGIBLE, Verdict.NEEDS_REVIEW);
	}

	@Test
	void everyFilterMustAgreeAndAHiddenPairStaysCounted() {
		CallView call = call(1, "Ciclovías", List.of("mobility"), null);
		NewMatchFilter notForCiclovias = candidate -> candidate.project() == null
				|| !"P-11-CICLOVIAS".equals(candidate.project().code());
		List<NewMatchFilter> filters = List.of(new RelevanceFloor(PROPERTIES), notForCiclovias);
		NewMatchSignal.Selection selection = NewMatchSignal.group(
				List.of(candidate(call, CICLOVIAS, Verdict.ELIGIBLE, 9f), candidate(call, BUSES, Verdict.ELIGIBLE, 9f)),
				filters, PROPERTIES);
		assertThat(selection.total()).isEqualTo(2);
		assertThat(selection.calls().get(0).shown()).extracting(NewMatchSignal.Pair::projectCode)
			.containsExactly("P-10-BUSES");
		assertThat(selection.calls().get(0).hidden()).isEqualTo(1);
	}

	@Test
	void aGerenciaSeesOnlyItsOwnPairsAndTheCallsDoubts() {
		CallView call = call(1, "Clima", List.of("climate", "disaster-risk"), null);
		NewMatchSignal.Candidate gerencia = new NewMatchSignal.Candidate(
				match(call, null, GGRD.id(), Verdict.NEEDS_REVIEW, 2f, List.of(review("geography-unknown"))), call,
				null, GGRD);
		NewMatchSignal.Selection selection = NewMatchSignal.group(
				List.of(candidate(call, BUSES, Verdict.NEEDS_REVIEW, 2f, review("geography-unknown")), gerencia),
				this.floor, PROPERTIES);

		NewMatchSignal.Selection ggrd = selection.narrowedTo("GGRD");
		assertThat(ggrd.total()).isEqualTo(1);
		NewMatchSignal.Pair pair = ggrd.calls().get(0).pairs().get(0);
		assertThat(pair.projectId()).isNull();
		assertThat(pair.subject()).isEqualTo("Gerencia de Gestión del Riesgo de Desastres");
		assertThat(ggrd.calls().get(0).doubts()).extracting(Reason::ruleId).containsExactly("geography-unknown");
		assertThat(selection.narrowedTo("GDE").isEmpty()).isTrue();
		assertThat(selection.narrowedTo(null)).isSameAs(selection);
	}

	private NewMatchSignal.Candidate candidate(CallView call, ProjectProfile project, Verdict verdict, float score,
			Reason... reasons) {
		return new NewMatchSignal.Candidate(match(call, project.id(), null, verdict, score, List.of(reasons)), call,
				project, project.gerencia());
	}

	private MatchedCall match(CallView call, Long projectId, Long gerenciaId, Verdict verdict, float score,
			List<Reason> reasons) {
		return new MatchedCall(this.ids++, call.id(), projectId, gerenciaId, verdict, score, reasons,
				Instant.parse("2026-11-24T15:00:00Z"), null);
	}

	private static Reason review(String ruleId) {
		return new Reason(ruleId, Severity.NEEDS_REVIEW, "reason." + ruleId, List.of(), null, null, List.of());
	}

	private static Reason pass(String ruleId) {
		return new Reason(ruleId, Severity.PASS, "reason." + ruleId, List.of(), null, null, List.of());
	}

	private static ProjectProfile project(long id, String code, GerenciaProfile gerencia, String title,
			List<String> themes) {
		return new ProjectProfile(id, code, gerencia, title, title, themes, BigDecimal.valueOf(500_000),
				BigDecimal.valueOf(100_000), "USD", BigDecimal.valueOf(50_000), 24, List.of(), List.of("es"));
	}

	private static CallView call(long id, String title, List<String> themes, Instant deadline) {
		return new CallView(id, "test", "t" + id, "https://example.org/" + id, "Funder", title, title, title, "es",
				null, null, deadline, "UTC", "OPEN", themes, null, Map.of(), null, null, null, null, null, null,
				List.of(), List.of());
	}

}
