package pe.gob.munlima.convoca.security;

import java.util.Map;
import java.util.Optional;

/**
 * The gerencias a project owner can be bound to. The project module implements it; this
 * module only asks, so it never depends on the project module.
 */
public interface GerenciaDirectory {

	/** The gerencia's name, or empty when no gerencia has that code. */
	Optional<String> nameOf(String code);

	/** Every gerencia, code to name, in code order: the choices of the users page. */
	Map<String, String> all();

}
