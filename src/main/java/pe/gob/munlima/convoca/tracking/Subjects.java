package pe.gob.munlima.convoca.tracking;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.StoredMatch;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.AccessControl;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds what an application is about, and checks who may change it: a project owner only
 * its own gerencia's applications (403 otherwise), the subgerencia and administrators
 * any. Only a (call, project) match can be tracked: a gerencia without a project has
 * nothing to apply with yet.
 */
@Component
class Subjects {

	private final Matches matches;

	private final Calls calls;

	private final Projects projects;

	private final AccessControl access;

	Subjects(Matches matches, Calls calls, Projects projects, AccessControl access) {
		this.matches = matches;
		this.calls = calls;
		this.projects = projects;
		this.access = access;
	}

	/** The subject of the match's application, for reading. */
	Subject find(long matchId) {
		StoredMatch match = this.matches.find(matchId)
			.orElseThrow(() -> new TrackingRefusedException(HttpStatus.NOT_FOUND, "notFound", String.valueOf(matchId)));
		if (!match.isForProject()) {
			throw new TrackingRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "gerenciaMatch",
					String.valueOf(matchId));
		}
		CallView call = this.calls.find(match.callId()).orElseThrow();
		ProjectProfile project = this.projects.find(match.projectId()).orElseThrow();
		return new Subject(match, call, project);
	}

	/** The subject, once the current user is known to act for its gerencia. */
	Subject forChange(long matchId) {
		Subject subject = find(matchId);
		this.access.checkActFor(subject.gerencia());
		return subject;
	}

	boolean mayChange(Subject subject) {
		return this.access.mayActFor(subject.gerencia());
	}

	String actor() {
		return this.access.actor();
	}

}
