package pe.gob.munlima.convoca.tracking;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A pipeline, checklist or award request the rules of tracking refuse. The detail is the
 * message {@code tracking.problem.<code>} of the bundles, in the reader's language: the
 * API answers it as problem+json, the pages show it above the forms. Arguments that are
 * labels (a stage, a list of stages) are rendered in the reader's language too.
 */
class TrackingRefusedException extends Refusal {

	TrackingRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, "tracking", code, arguments);
	}

}
