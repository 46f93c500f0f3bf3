package pe.gob.munlima.convoca.rules;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.context.MessageSource;

/**
 * A reason a rule file is refused, where an admin can find it.
 *
 * @param message the reason in Spanish (or as Drools or the YAML reader gave it)
 * @param code the message key of the reason in the bundles when Convoca wrote it, else
 * null; with {@code args} it gives the reason in the reader's language
 * @param args the arguments of the message, as text
 */
public record RuleError(String file, int line, String message, String code, List<String> args) {

	public RuleError {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public RuleError(String file, int line, String message) {
		this(file, line, message, null, List.of());
	}

	/** A refusal whose text is in the message bundles under {@code code}. */
	static RuleError refused(String file, int line, String code, Object... args) {
		List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
		return new RuleError(file, line, spanish(code, texts), code, texts);
	}

	/** The same error with its message in the reader's language when it has a code. */
	RuleError in(MessageSource messages, Locale locale) {
		if (this.code == null) {
			return this;
		}
		return new RuleError(this.file, this.line,
				messages.getMessage(this.code, this.args.toArray(), this.message, locale), this.code, this.args);
	}

	static List<RuleError> in(List<RuleError> errors, MessageSource messages, Locale locale) {
		return errors.stream().map(error -> error.in(messages, locale)).toList();
	}

	/**
	 * The text from messages.properties (Spanish, the default language), for logs, the
	 * audit trail and callers without a reader's locale.
	 */
	private static String spanish(String code, List<String> args) {
		ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ROOT,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(code), Locale.ROOT).format(args.toArray());
	}

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.message;
	}

}
