package pe.gob.munlima.convoca.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule text that reaches beyond the eligibility model. DRL can run arbitrary Java
 * and the JVM has no sandbox any more (the Security Manager is gone), so a rule file may
 * import only the fact model, java.time and java.util, and may not mention System,
 * Runtime, reflection, I/O, networking, threads or process control. Checked on the text,
 * with comments and string literals removed, and reported by file and line.
 */
final class RuleSafety {

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+|function\\s+)?([\\w.*]+)");

	private static final List<String> ALLOWED_IMPORTS = List.of("pe.gob.munlima.convoca.rules.", "java.time.",
			"java.util.");

	private static final Pattern FORBIDDEN = Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|Thread|"
			+ "ThreadGroup|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Class|ClassLoader|getClass|"
			+ "forName|reflect|Method|Field|Constructor|invoke|setAccessible|java\\.io|java\\.nio|java\\.net|"
			+ "java\\.lang|javax|jdk|sun|File|Files|Paths?|Socket|URL|URI|exit|exec|halt|loadLibrary|Unsafe)\\b");

	private static final Pattern DECLARATION = Pattern.compile("^\\s*(function|global|declare|query)\\b");

	/**
	 * Changing working memory from a consequence: rules only write findings, and the
	 * engine runs each evaluation once, in sequence, so a changed fact would be ignored.
	 */
	private static final Pattern CHANGE = Pattern
		.compile("(?<![\\w.$])(insert|insertLogical|modify|update|retract|delete)\\s*\\(");

	private RuleSafety() {
	}

	/** A rule's header line, to name it in errors. */
	private static final Pattern RULE = Pattern.compile("^\\s*rule\\b");

	static List<RuleError> check(String file, String text) {
		List<RuleError> errors = new ArrayList<>();
		String[] lines = withoutCommentsAndStrings(text).split("\n", -1);
		checkProjectFindings(file, lines, errors);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int number = i + 1;
			Matcher imported = IMPORT.matcher(line);
			if (imported.find()) {
				String target = imported.group(2);
				if (imported.group(1) != null || ALLOWED_IMPORTS.stream().noneMatch(target::startsWith)) {
					errors.add(new RuleError(file, number, "import not allowed: " + target
							+ " (only pe.gob.munlima.convoca.rules.*, java.time.*, java.util.*)"));
				}
				continue;
			}
			Matcher declared = DECLARATION.matcher(line);
			if (declared.find()) {
				errors.add(new RuleError(file, number,
						"'" + declared.group(1) + "' is not allowed in rule files: write rules over the given facts"));
			}
			Matcher change = CHANGE.matcher(line);
			if (change.find()) {
				errors.add(new RuleError(file, number, "'" + change.group(1)
						+ "' is not allowed in rule files: rules only write findings and never change the facts"));
			}
			Matcher forbidden = FORBIDDEN.matcher(line);
			if (forbidden.find()) {
				errors.add(new RuleError(file, number, "'" + forbidden.group(1)
						+ "' is not allowed in rule files (no system, reflection, I/O or threads)"));
			}
		}
		return errors;
	}

	/**
	 * A rule that reads a project must write about that project ({@code $f : Findings()}
	 * ... {@code $f.about($p)}), never to the call's findings, which every project judged
	 * with the call receives.
	 */
	private static void checkProjectFindings(String file, String[] lines, List<RuleError> errors) {
		int start = -1;
		StringBuilder body = new StringBuilder();
		for (int i = 0; i <= lines.length; i++) {
			boolean header = i < lines.length && RULE.matcher(lines[i]).find();
			if ((header || i == lines.length) && start >= 0) {
				String rule = body.toString();
				if (rule.contains("ProjectFacts(") && rule.contains("CallFindings(")) {
					errors.add(new RuleError(file, start + 1,
							"a rule that reads ProjectFacts must write about that project, not to CallFindings: $p : ProjectFacts( ... ) $f : Findings() ... $f.about($p).notEligible(...)"));
				}
				else if (rule.contains("Findings(projectId")) {
					errors.add(new RuleError(file, start + 1,
							"project rules no longer join Findings by projectId: write $f : Findings() and $f.about($p).notEligible(...)"));
				}
				body.setLength(0);
			}
			if (header) {
				start = i;
			}
			if (i < lines.length && start >= 0) {
				body.append(lines[i].replace(" ", "")).append('\n');
			}
		}
	}

	/**
	 * Blanks comments and string literals but keeps line breaks, so line numbers hold.
	 */
	static String withoutCommentsAndStrings(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				while (i < text.length() && text.charAt(i) != '\n') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				i += 2;
				while (i < text.length()
						&& !(text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
					out.append(text.charAt(i) == '\n' ? '\n' : ' ');
					i++;
				}
				i += 2;
			}
			else if (c == '"') {
				out.append('"');
				i++;
				while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
					i += text.charAt(i) == '\\' ? 2 : 1;
				}
				out.append('"');
				i++;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

}
