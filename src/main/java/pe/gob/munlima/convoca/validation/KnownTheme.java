package pe.gob.munlima.convoca.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import pe.gob.munlima.convoca.call.ThemeThesaurus;

/**
 * A theme id of {@code reading/vocabulary.yaml} (water, mobility, heritage ...): a
 * project tagged with an unknown theme would match nothing and say nothing. Null is
 * valid.
 */
@Documented
@Constraint(validatedBy = KnownTheme.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownTheme {

	String message() default "{validation.knownTheme}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks one id against the themes the service loaded; Spring's validator factory
	 * gives it the thesaurus.
	 */
	class Validator implements ConstraintValidator<KnownTheme, CharSequence> {

		private final ThemeThesaurus themes;

		public Validator(ThemeThesaurus themes) {
			this.themes = themes;
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || this.themes.themes().contains(value.toString());
		}

	}

}
