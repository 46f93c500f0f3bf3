package pe.gob.munlima.convoca.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules every page template keeps, checked on the files so a new page cannot forget them:
 * no HTML from outside written unescaped but the sanitised call summary, nothing inline
 * that the Content-Security-Policy would block, and every text in both bundles.
 */
class HtmlTemplatesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * {@code #{key}} and {@code #{key(args)}}; keys built from a variable are left out.
	 */
	private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	@Test
	void theOnlyUnescapedHtmlIsTheSanitisedCallSummary() throws IOException {
		Map<String, List<String>> found = find(Pattern.compile("th:utext=\"([^\"]*)\""));

		assertThat(found).containsOnlyKeys("calls/call.html");
		assertThat(found.get("calls/call.html")).containsExactly("${summaryHtml}");
	}

	@Test
	void noPageTemplateHasInlineScriptStyleOrEventHandlers() throws IOException {
		assertThat(pages(Pattern.compile("<script(?![^>]*\\bth:src=)[^>]*>"))).as("scripts without src").isEmpty();
		assertThat(pages(Pattern.compile("<style"))).isEmpty();
		assertThat(pages(Pattern.compile("\\s(style|on[a-z]+|th:style|th:on[a-z]+)=\""))).isEmpty();
	}

	@Test
	void mailTemplatesHaveNoScriptAtAll() throws IOException {
		Map<String, List<String>> scripts = find(Pattern.compile("<script|\\son[a-z]+=\"|th:on[a-z]+="));
		scripts.keySet().removeIf(template -> !template.startsWith("mail/"));
		assertThat(scripts).isEmpty();
	}

	/**
	 * Matches in the templates of pages, which the Content-Security-Policy governs;
	 * e-mails (templates/mail/) keep their styles inline because mail clients drop style
	 * sheets.
	 */
	private static Map<String, List<String>> pages(Pattern pattern) throws IOException {
		Map<String, List<String>> found = find(pattern);
		found.keySet().removeIf(template -> template.startsWith("mail/"));
		return found;
	}

	@Test
	void everyTextOfThePagesIsInBothLanguages() throws IOException {
		Properties spanish = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		List<String> missing = new ArrayList<>();
		find(MESSAGE).forEach((template, keys) -> keys.forEach(key -> {
			if (!spanish.containsKey(key)) {
				missing.add(template + ": " + key + " (es)");
			}
			if (!english.containsKey(key)) {
				missing.add(template + ": " + key + " (en)");
			}
		}));
		assertThat(missing).isEmpty();
	}

	/**
	 * Pages show a call's themes and the applicants it admits as labels (donor pages,
	 * call pages, reasons); an id without a label would show as a code.
	 */
	@Test
	void everyThemeAndApplicantTypeOfTheVocabularyHasALabelInBothLanguages() throws IOException {
		tools.jackson.databind.JsonNode vocabulary = tools.jackson.dataformat.yaml.YAMLMapper.builder()
			.build()
			.readTree(Path.of("reading/vocabulary.yaml").toFile());
		Properties spanish = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		List<String> missing = new ArrayList<>();
		for (String section : List.of("themes", "applicantTypes")) {
			assertThat(vocabulary.get(section).propertyNames()).as(section).isNotEmpty();
			for (String id : vocabulary.get(section).propertyNames()) {
				if (!spanish.containsKey("term." + id) || !english.containsKey("term." + id)) {
					missing.add(section + ": " + id);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		Properties spanish = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");

		assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(spanish.keySet());
	}

	/** Template (relative path) to the first group of every match in it. */
	private static Map<String, List<String>> find(Pattern pattern) throws IOException {
		Map<String, List<String>> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				Matcher matcher = pattern.matcher(text);
				while (matcher.find()) {
					found
						.computeIfAbsent(TEMPLATES.relativize(file).toString().replace('\\', '/'),
								key -> new ArrayList<>())
						.add(matcher.groupCount() > 0 && matcher.group(1) != null ? matcher.group(1) : matcher.group());
				}
			}
		}
		return found;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
