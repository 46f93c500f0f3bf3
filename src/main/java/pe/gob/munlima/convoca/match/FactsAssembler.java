package pe.gob.munlima.convoca.match;

import java.time.ZoneId;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.rules.ApplicantFacts;
import pe.gob.munlima.convoca.rules.CallFacts;
import pe.gob.munlima.convoca.rules.ProjectFacts;

/** Turns stored calls and projects into the facts the rules read. */
final class FactsAssembler {

	/** Deadlines are compared as days on Lima's calendar. */
	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private FactsAssembler() {
	}

	static CallFacts call(CallView call) {
		return new CallFacts(call.id(), call.title(),
				call.deadline() == null ? null : call.deadline().atZone(LIMA).toLocalDate(), call.applicantTypes(),
				call.eligibleGeographies(), call.excludedCountries(), call.themes(), call.reimbursable(),
				call.evidence());
	}

	static ProjectFacts project(ProjectProfile project) {
		return new ProjectFacts(project.id(), project.title(), project.themes(), project.gerencia().competences());
	}

	static ApplicantFacts applicant(OrganisationProfile organisation) {
		return new ApplicantFacts(organisation.applicantType(), organisation.country(), organisation.geographies());
	}

	/** Share of the project's themes the call funds: 0 when unknown or none. */
	static float score(CallView call, ProjectProfile project) {
		if (call.themes() == null || project.themes().isEmpty()) {
			return 0f;
		}
		long shared = project.themes().stream().filter(call.themes()::contains).count();
		return (float) shared / project.themes().size();
	}

}
