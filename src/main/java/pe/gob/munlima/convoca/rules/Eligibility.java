package pe.gob.munlima.convoca.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Answers ELIGIBLE, NEEDS_REVIEW or NOT_ELIGIBLE with reasons, using the active rule set.
 * The rule set is held in an {@link AtomicReference}: a reload compiles off to the side
 * and replaces it in one step, so an evaluation sees either the old or the new set, never
 * a mix, and a set that does not compile never replaces the working one.
 */
@Service
public class Eligibility {

	private static final Logger log = LoggerFactory.getLogger(Eligibility.class);

	static final ZoneId LIMA = ZoneId.of("America/Lima");

	private final AtomicReference<RuleSet> active = new AtomicReference<>();

	private final RuleCompiler compiler = new RuleCompiler();

	private final RuleProperties properties;

	private final Clock clock;

	private volatile List<RuleError> lastErrors = List.of();

	Eligibility(RuleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		try {
			reload();
		}
		catch (RuleSetRejectedException ex) {
			// Start anyway: health stays DOWN and the API names the broken file and line.
			log.error("No rule set is active: {}", ex.getMessage());
		}
	}

	/** Compiles the rule folder and, if it compiles, makes it the active set. */
	public synchronized String reload() {
		try {
			RuleSet compiled = this.compiler.compile(RuleCompiler.readFolder(this.properties.dir()),
					this.clock.instant());
			this.active.set(compiled);
			this.lastErrors = List.of();
			log.info("Rule set {} active ({} files)", compiled.version(), compiled.files().size());
			return compiled.version();
		}
		catch (RuleSetRejectedException ex) {
			this.lastErrors = ex.errors();
			ex.errors().forEach(error -> log.error("Rule file error {}", error));
			throw ex;
		}
	}

	public Assessment evaluate(CallFacts call, ProjectFacts project, ApplicantFacts applicant) {
		return evaluate(call, project, applicant, context());
	}

	public Assessment evaluate(CallFacts call, ProjectFacts project, ApplicantFacts applicant,
			EvaluationContext context) {
		RuleSet rules = this.active.get();
		if (rules == null) {
			throw new IllegalStateException("No rule set is active: " + this.lastErrors);
		}
		Findings findings = new Findings();
		rules.kieBase().newStatelessKieSession().execute(List.of(call, project, applicant, context, findings));
		return Assessment.of(findings.reasons(), rules.version());
	}

	public EvaluationContext context() {
		return new EvaluationContext(LocalDate.now(this.clock.withZone(LIMA)), this.properties.leadDays());
	}

	public Optional<RuleSetStatus> status() {
		return Optional.ofNullable(this.active.get())
			.map(set -> new RuleSetStatus(set.version(), set.files(), set.activatedAt(), this.lastErrors));
	}

	public List<RuleError> lastErrors() {
		return this.lastErrors;
	}

}
