package pe.gob.munlima.convoca.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What any rule file (a .drl, parameters.yaml or a test case file) must be before it is
 * read: at most 256 KB (the largest shipped file is under 4 KB), and text without control
 * characters (a NUL byte made the service answer 500) or the invisible direction marks
 * that make code read differently from how it runs.
 */
final class RuleFileLimits {

	static final int MAX_BYTES = 256 * 1024;

	private RuleFileLimits() {
	}

	/** The first reason the file is refused, or none. */
	static List<RuleError> check(String file, String content) {
		int bytes = content.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			return List.of(RuleError.refused(file, 0, "rules.refused.tooLarge", bytes, MAX_BYTES));
		}
		int line = 1;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == '\n') {
				line++;
			}
			else if (forbidden(c)) {
				return List.of(RuleError.refused(file, line, "rules.refused.controlCharacter",
						String.format(Locale.ROOT, "U+%04X", (int) c)));
			}
		}
		return List.of();
	}

	private static boolean forbidden(char c) {
		if (c == '\t' || c == '\r') {
			return false;
		}
		return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || (c >= 0x200B && c <= 0x200F)
				|| (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
	}

}
