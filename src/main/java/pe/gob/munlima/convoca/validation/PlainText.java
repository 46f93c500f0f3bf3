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

/**
 * Text without control characters: PostgreSQL cannot store NUL at all (the insert fails),
 * and the others (escape, backspace, bidi overrides aside) only hide what a text says.
 * Line breaks and tabs are allowed where {@link #multiline()} says so (descriptions).
 * Null is valid: {@code @NotNull} says whether a value is required.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{validation.plainText}";

	/** Whether line breaks and tabs are part of the text. */
	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks one text. */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || isPlain(value, this.multiline);
		}

		/** Whether the text has no control character (but line breaks when multiline). */
		public static boolean isPlain(CharSequence value, boolean multiline) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
					continue;
				}
				if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
					return false;
				}
			}
			return true;
		}

	}

}
