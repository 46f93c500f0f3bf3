package pe.gob.munlima.convoca.donor;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A donor request that cannot be answered (an unknown donor, project or gerencia); the
 * detail is the message {@code donor.problem.<code>} of the bundles.
 */
class DonorRefusedException extends Refusal {

	DonorRefusedException(HttpStatus status, String code, Object... arguments) {
		super(status, "donor", code, arguments);
	}

}
