package pe.gob.munlima.convoca.match;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.call.CallStored;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.Assessment;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.Eligibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Judges each new or changed call against every active project and stores the verdicts.
 * It runs after the call's transaction committed, so a failure here never loses the call:
 * the next change or a re-match brings the matches up to date.
 */
@Service
class Matcher {

	private static final Logger log = LoggerFactory.getLogger(Matcher.class);

	private final Calls calls;

	private final Projects projects;

	private final Eligibility eligibility;

	private final MatchRepository matches;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Matcher(Calls calls, Projects projects, Eligibility eligibility, MatchRepository matches, Clock clock) {
		this.calls = calls;
		this.projects = projects;
		this.eligibility = eligibility;
		this.matches = matches;
		this.clock = clock;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CallStored event) {
		try {
			this.calls.find(event.callId()).ifPresent(this::match);
		}
		catch (RuntimeException ex) {
			log.error("Matching of call {} failed; it stays stored and will be matched again", event.callId(), ex);
		}
	}

	/** Evaluates one call against every active project and upserts the matches. */
	void match(CallView call) {
		OrganisationProfile organisation = this.projects.organisation().orElse(null);
		if (organisation == null) {
			log.warn("No organisation profile yet: call {} is not matched", call.id());
			return;
		}
		CallFacts callFacts = FactsAssembler.call(call);
		ApplicantFacts applicant = FactsAssembler.applicant(organisation);
		List<ProjectProfile> active = this.projects.active();
		for (ProjectProfile project : active) {
			Assessment assessment = this.eligibility.evaluate(callFacts, FactsAssembler.project(project), applicant);
			Match match = this.matches.findByCallIdAndProjectId(call.id(), project.id())
				.orElseGet(() -> new Match(call.id(), project.id(), this.clock.instant()));
			match.record(assessment.verdict().name(), this.json.writeValueAsString(assessment.reasons()),
					FactsAssembler.score(call, project), assessment.ruleSetVersion(), this.clock.instant());
			this.matches.save(match);
		}
		log.debug("Call {} matched against {} projects", call.id(), active.size());
	}

}
