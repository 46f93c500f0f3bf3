package pe.gob.munlima.convoca.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the forbidden-APIs check pass one use of a forbidden method, with the reason next
 * to it (the plugin recognises any annotation of this name).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ ElementType.METHOD, ElementType.TYPE })
@interface SuppressForbidden {

	/** Why the forbidden call is the right one here. */
	String reason();

}
