package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The allow-list against a corpus of escape attempts (src/test/resources/rule-escapes,
 * one file per attempt, named by what it tries; the line marked {@code //!} is where the
 * refusal must be reported) and against every rule file shipped in rules/.
 */
class RuleAllowListTests {

	static final Path ESCAPES = Path.of("src/test/resources/rule-escapes");

	static Stream<Path> escapes() throws IOException {
		try (Stream<Path> files = Files.list(ESCAPES)) {
			return files.filter(file -> file.toString().endsWith(".drl")).sorted().toList().stream();
		}
	}

	static Stream<Path> shippedRules() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("rules"))) {
			return files.filter(file -> file.toString().endsWith(".drl")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("escapes")
	void everyEscapeAttemptIsRefusedWithItsFileAndLine(Path escape) throws IOException {
		String name = escape.getFileName().toString();
		String text = Files.readString(escape, StandardCharsets.UTF_8);

		List<RuleError> errors = RuleAllowList.check(name, text);

		assertThat(errors).as("%s must be refused", name).isNotEmpty();
		assertThat(errors).allSatisfy(error -> {
			assertThat(error.file()).isEqualTo(name);
			assertThat(error.code()).startsWith("rules.refused.");
		});
		assertThat(errors).extracting(RuleError::line).as("%s: %s", name, errors).contains(markedLine(text));
	}

	@Test
	void noEscapeAttemptOfTheCorpusIsAccepted() throws IOException {
		List<String> accepted = new ArrayList<>();
		List<Path> corpus = escapes().toList();
		for (Path escape : corpus) {
			if (RuleAllowList.check(escape.getFileName().toString(), Files.readString(escape)).isEmpty()) {
				accepted.add(escape.getFileName().toString());
			}
		}
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
		assertThat(accepted).isEmpty();
	}

	/** The check is where rule sets are prepared, so no path reaches the compiler. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("escapes")
	void aRuleSetWithAnEscapeAttemptIsRefusedBeforeItCompiles(Path escape) throws IOException {
		String name = escape.getFileName().toString();
		Map<String, String> files = Map.of(name, Files.readString(escape, StandardCharsets.UTF_8));

		assertThatThrownBy(() -> new RuleCompiler().prepare(files, Instant.now()))
			.isInstanceOfSatisfying(RuleSetRejectedException.class, ex -> assertThat(ex.errors()).isNotEmpty()
				.allSatisfy(error -> assertThat(error.code()).as(error.toString()).startsWith("rules.refused.")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedRules")
	void everyShippedRuleFileIsAccepted(Path drl) throws IOException {
		assertThat(RuleAllowList.check(drl.getFileName().toString(), Files.readString(drl, StandardCharsets.UTF_8)))
			.isEmpty();
	}

	@Test
	void theProjectRuleOfTheReadmeIsAccepted() throws IOException {
		String readme = Files.readString(Path.of("rules/README.md"), StandardCharsets.UTF_8);
		int start = readme.indexOf("rule \"duration-too-long\"");
		String rule = readme.substring(start, readme.indexOf("end\n", start) + 4);

		assertThat(RuleAllowList.check("readme.drl", """
				package rules.eligibility;
				import pe.gob.munlima.convoca.rules.CallFacts;
				import pe.gob.munlima.convoca.rules.ProjectFacts;
				import pe.gob.munlima.convoca.rules.Findings;
				""" + rule)).isEmpty();
	}

	@Test
	void valueTypesAndTheirListedMethodsAreAccepted() {
		assertThat(RuleAllowList.check("values.drl",
				"""
						package rules.eligibility;
						import java.math.BigDecimal;
						import java.time.LocalDate;
						import java.util.List;
						import pe.gob.munlima.convoca.rules.CallFacts;
						import pe.gob.munlima.convoca.rules.CallFindings;
						import pe.gob.munlima.convoca.rules.EvaluationContext;

						rule "values"
						when
						    $f : CallFindings()
						    $ctx : EvaluationContext()
						    $c : CallFacts( deadline != null, deadline.isBefore($ctx.today.plusDays(10)),
						                    deadline < LocalDate.of(2030, 1, 1), title.length() > 3 || themes.isEmpty(),
						                    amountMaxUsd == null || amountMaxUsd * 2 > 100.5, themes not contains "x" )
						then
						    $f.needsReview(drools.getRule().getName(), "reason.deadline.tooClose", $c.evidenceFor("deadline"),
						        "fix.deadline.tooClose", List.of($c.deadline(), BigDecimal.valueOf(2).add(BigDecimal.valueOf(1))),
						        "días: " + $ctx.leadDays(), -$ctx.leadDays());
						end
						"""))
			.isEmpty();
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedWithoutBeingParsed() {
		String huge = "package rules.eligibility;\n" + "// padding\n".repeat(RuleFileLimits.MAX_BYTES / 10);

		List<RuleError> errors = RuleAllowList.check("huge.drl", huge);

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.code()).isEqualTo("rules.refused.tooLarge");
			assertThat(error.args()).containsExactly(String.valueOf(huge.length()),
					String.valueOf(RuleFileLimits.MAX_BYTES));
		});
	}

	@Test
	void refusalsReadInSpanishByDefaultAndInEnglishForEnglishReaders() {
		RuleError error = RuleAllowList.check("x.drl", "package rules.eligibility;\nimport java.io.File;\n").get(0);
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);

		assertThat(error.line()).isEqualTo(2);
		assertThat(error.message()).startsWith("No se permite importar java.io.File");
		assertThat(error.in(messages, java.util.Locale.ENGLISH).message())
			.startsWith("Importing java.io.File is not allowed");
	}

	/** The line of the first {@code //!} marker in an escape file. */
	private static int markedLine(String text) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains("//!")) {
				return i + 1;
			}
		}
		throw new AssertionError("no //! marker");
	}

}
