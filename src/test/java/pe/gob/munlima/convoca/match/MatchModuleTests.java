package pe.gob.munlima.convoca.match;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pe.gob.munlima.convoca.TestWorkspace;
import pe.gob.munlima.convoca.call.CallIntake;
import pe.gob.munlima.convoca.call.IntakeResult;
import pe.gob.munlima.convoca.call.RawCall;
import pe.gob.munlima.convoca.call.SourceInfo;
import pe.gob.munlima.convoca.project.ProjectForm;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Verdict;
import pe.gob.munlima.convoca.security.AccessControl;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match module with the modules it depends on (Spring Modulith's module test, the
 * embedded database, the shipped rules): a stored or changed call is judged against the
 * portfolio and every verdict that moves is announced with {@link MatchJudged}, the only
 * thing the alerts hear of matching. Judging needs Lima's profile: without it (a database
 * where the demo never ran) the matcher judges nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "db")
class MatchModuleTests {

	static final Path WORK = TestWorkspace.create("convoca-match-module");

	static final SourceInfo SOURCE = new SourceInfo("fondo-modulo", "Fondo Módulo", "es", ZoneId.of("America/Lima"));

	static final String FITS = "<p>Subvenciones para ciclovías y movilidad urbana sostenible.</p>"
			+ "<p>Pueden postular municipalidades de América Latina.</p>"
			+ "<p>Aporte de hasta EUR 300.000 por ciudad.</p><p>Fecha límite: 15 de marzo de 2027.</p>";

	static final String AFRICA_ONLY = "<p>Subvenciones para ciclovías y movilidad urbana sostenible.</p>"
			+ "<p>Solo pueden postular municipalidades de África.</p>"
			+ "<p>Aporte de hasta EUR 300.000 por ciudad.</p><p>Fecha límite: 15 de marzo de 2027.</p>";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestWorkspace.register(registry, WORK);
		registry.add("convoca.demo.enabled", () -> "false");
		// The deadlines above stay ahead whatever day the tests run.
		registry.add("convoca.clock.fixed", () -> "2026-11-24T15:00:00Z");
	}

	@MockitoBean
	AccessControl access;

	@Autowired
	CallIntake intake;

	@Autowired
	Projects projects;

	@Autowired
	MatchRepository matches;

	@Autowired
	JdbcClient jdbc;

	long cycleway;

	/**
	 * Its gerencia of mobility and one project of cycleways: what the demo loader writes,
	 * which is off here. Lima's profile is not written here: the project module writes it
	 * at start-up, demo or not, and every scenario below needs it.
	 */
	@BeforeEach
	void portfolio() {
		this.jdbc.sql("""
				INSERT INTO gerencia (code, name, competences) VALUES ('GMU', 'Gerencia de Movilidad Urbana',
				        ARRAY['mobility']) ON CONFLICT (code) DO NOTHING""").update();
		this.cycleway = this.projects.active()
			.stream()
			.filter(project -> project.code().equals("P-CICLO"))
			.findFirst()
			.orElseGet(() -> this.projects.create(project("P-CICLO")))
			.id();
	}

	@Test
	void aNewCallThatFitsAProjectIsAnnouncedWithItsVerdict(Scenario scenario) {
		scenario.stimulate(() -> store("mm-new", FITS))
			.andWaitForEventOfType(MatchJudged.class)
			.matching(this::aboutTheCycleway)
			.toArriveAndVerify(event -> {
				assertThat(event.callId()).isEqualTo(callId("mm-new"));
				assertThat(event.before()).as("a new pair").isNull();
				assertThat(event.after()).isIn(Verdict.ELIGIBLE, Verdict.NEEDS_REVIEW);
				assertThat(this.matches.findById(event.matchId())).hasValueSatisfying(match -> {
					assertThat(match.getVerdict()).isEqualTo(event.after().name());
					assertThat(ruleIds(match)).contains("theme-ok", "geography-ok", "grant-size-ok");
				});
			});
	}

	@Test
	void aCallChangedSoThatItNoLongerFitsIsAnnouncedWithTheVerdictBeforeAndAfter(Scenario scenario) {
		store("mm-changed", FITS);
		Verdict before = Verdict.valueOf(
				this.matches.findByCallIdAndProjectId(callId("mm-changed"), this.cycleway).orElseThrow().getVerdict());
		assertThat(before).isIn(Verdict.ELIGIBLE, Verdict.NEEDS_REVIEW);

		// The scenario hears the test's thread from its start, the first judgement too.
		scenario.stimulate(() -> store("mm-changed", AFRICA_ONLY))
			.andWaitForEventOfType(MatchJudged.class)
			.matching(event -> aboutTheCycleway(event) && event.before() != null)
			.toArriveAndVerify((event, result) -> {
				assertThat(result.updated()).isEqualTo(1);
				assertThat(event.callId()).isEqualTo(callId("mm-changed"));
				assertThat(event.before()).isEqualTo(before);
				assertThat(event.after()).isEqualTo(Verdict.NOT_ELIGIBLE);
				assertThat(this.matches.findById(event.matchId())).hasValueSatisfying(match -> {
					assertThat(ruleIds(match)).contains("geography-not-eligible").doesNotContain("geography-ok");
				});
			});
	}

	@Test
	void aJudgementThatMovesNothingIsNotAnnounced(AssertablePublishedEvents events) {
		store("mm-still", FITS);
		long callId = callId("mm-still");

		// A new project is judged against every open call: its own pair is new, the
		// cycleway's pair with this call is judged again and stays what it was.
		ProjectProfile another = this.projects.create(project("P-OTRO"));

		assertThat(events.ofType(MatchJudged.class)
			.matching(event -> event.callId() == callId && Long.valueOf(this.cycleway).equals(event.projectId())))
			.as("the cycleway's pair, announced once when the call came")
			.hasSize(1);
		assertThat(events.ofType(MatchJudged.class)
			.matching(event -> event.callId() == callId && Long.valueOf(another.id()).equals(event.projectId())))
			.as("the new project's pair")
			.hasSize(1);
	}

	private boolean aboutTheCycleway(MatchJudged event) {
		return Long.valueOf(this.cycleway).equals(event.projectId());
	}

	private static List<String> ruleIds(Match match) {
		List<String> ids = new ArrayList<>();
		JsonMapper.builder()
			.build()
			.readTree(match.getReasons())
			.forEach(reason -> ids.add(reason.get("ruleId").asString()));
		return ids;
	}

	private IntakeResult store(String externalId, String summaryHtml) {
		IntakeResult result = this.intake.ingest(SOURCE,
				List.of(new RawCall(externalId, "Ciclovías y movilidad urbana sostenible en ciudades andinas",
						"https://fondo.example.org/" + externalId, summaryHtml,
						Instant.parse("2026-11-20T00:00:00Z"))));
		assertThat(result.errors()).isEmpty();
		return result;
	}

	private long callId(String externalId) {
		return this.jdbc.sql("SELECT id FROM call WHERE external_id = ?").param(externalId).query(Long.class).single();
	}

	private static ProjectForm project(String code) {
		return new ProjectForm(code, "GMU", "Red de ciclovías de Lima " + code,
				"Ciclovías y movilidad urbana sostenible.", List.of("mobility"), new BigDecimal("1000000"),
				new BigDecimal("300000"), "EUR", new BigDecimal("100000"), 24, List.of(), List.of("es"));
	}

}
