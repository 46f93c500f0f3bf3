package pe.gob.munlima.convoca.crawl;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A call page written in Markdown with YAML front matter, as static-site funders publish
 * them (the GBIF BID call pages). The page is rendered to HTML with CommonMark and read
 * with CSS selectors like an HTML page: the body's headings, paragraphs and lists are
 * elements ({@code h1}, {@code p}, {@code li}), and each front-matter key is a
 * {@code <meta name="key" content="value">} in the head
 * ({@code meta[name=title]@content}).
 */
final class MarkdownExtractor implements Extractor {

	private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---\\R(.*?)\\R---\\R?(.*)\\z",
			Pattern.DOTALL);

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(false).build();

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	private final HtmlExtractor html;

	MarkdownExtractor(HtmlExtractor html) {
		this.html = html;
	}

	@Override
	public PageInfo read(Body body, Reading reading, Consumer<Item> sink) {
		String text = new String(body.bytes(), StandardCharsets.UTF_8);
		Document page = Jsoup.parse("<!doctype html><html><head></head><body></body></html>",
				reading.base().toString());
		Matcher front = FRONT_MATTER.matcher(text);
		if (front.matches()) {
			frontMatter(front.group(1), page.head(), reading);
			text = front.group(2);
		}
		page.body().append(this.renderer.render(this.parser.parse(text)));
		return this.html.read(page, reading, sink);
	}

	@SuppressWarnings("unchecked")
	private void frontMatter(String yamlText, Element head, Reading reading) {
		Map<String, Object> values;
		try {
			values = this.yaml.readValue(yamlText, Map.class);
		}
		catch (JacksonException ex) {
			throw new ExtractionException(
					reading.base() + ": la cabecera YAML de la página no es válida: " + ex.getOriginalMessage(), ex);
		}
		if (values == null) {
			return;
		}
		values.forEach((key, value) -> {
			if (value != null) {
				head.appendElement("meta").attr("name", key).attr("content", String.valueOf(value).strip());
			}
		});
	}

	@Override
	public String check(String locator) {
		return this.html.check(locator);
	}

}
