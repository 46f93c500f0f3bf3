package pe.gob.munlima.convoca.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A user tried to act for a gerencia that is not theirs. The API answers 403 with a
 * problem+json naming the gerencia.
 */
public class GerenciaAccessDeniedException extends AccessDeniedException {

	private final String gerencia;

	public GerenciaAccessDeniedException(String gerencia) {
		super("Solo puede actuar sobre los proyectos de su gerencia; " + gerencia + " no es la suya.");
		this.gerencia = gerencia;
	}

	public String gerencia() {
		return this.gerencia;
	}

}
