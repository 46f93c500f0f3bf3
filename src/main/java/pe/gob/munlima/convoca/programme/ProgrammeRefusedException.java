package pe.gob.munlima.convoca.programme;

import pe.gob.munlima.convoca.problem.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A split or merge that cannot be done: unknown programmes or rounds, or a split that
 * would leave a programme empty; 422 with {@code programme.problem.<code>}.
 */
class ProgrammeRefusedException extends Refusal {

	ProgrammeRefusedException(String code, Object... arguments) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "programme", code, arguments);
	}

}
