package pe.gob.munlima.convoca.tracking;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.match.StoredMatch;
import pe.gob.munlima.convoca.project.ProjectProfile;

/** What an application is about: the match, its call and its project. */
record Subject(StoredMatch match, CallView call, ProjectProfile project) {

	String gerencia() {
		return this.project.gerencia().code();
	}

}
