package pe.gob.munlima.convoca.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A two-letter ISO 639-1 language code in lower case (es, en, qu, ay ...), as the JDK
 * lists them: a project may be written in Quechua, but not in "klingon". Null is valid.
 */
@Documented
@Constraint(validatedBy = KnownLanguage.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownLanguage {

	String message() default "{validation.knownLanguage}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks one code. */
	class Validator implements ConstraintValidator<KnownLanguage, CharSequence> {

		private static final Set<String> CODES = Set.of(Locale.getISOLanguages());

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || CODES.contains(value.toString());
		}

	}

}
