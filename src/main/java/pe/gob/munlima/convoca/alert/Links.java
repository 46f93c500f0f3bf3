package pe.gob.munlima.convoca.alert;

import pe.gob.munlima.convoca.notify.SignedTokens;

import org.springframework.stereotype.Component;

/**
 * Absolute links to Convoca's pages, for e-mails and calendars read outside the browser
 * session: they start with the configured base URL.
 */
@Component
class Links {

	private final AlertProperties properties;

	private final SignedTokens tokens;

	Links(AlertProperties properties, SignedTokens tokens) {
		this.properties = properties;
		this.tokens = tokens;
	}

	String call(long callId) {
		return absolute("/convocatorias/" + callId);
	}

	String project(long projectId) {
		return absolute("/proyectos/" + projectId);
	}

	/** An application's page: its stage, checklist and history. */
	String application(long matchId) {
		return absolute("/postulaciones/" + matchId);
	}

	String gerencia(String code) {
		return absolute("/gerencias/" + code);
	}

	/** Where a user changes what Convoca e-mails them. */
	String preferences() {
		return absolute("/alertas");
	}

	String calendar(String scope) {
		return absolute("/calendario/" + this.tokens.sign("ics:" + scope) + "/" + scope + ".ics");
	}

	String absolute(String path) {
		return this.properties.base() + path;
	}

}
