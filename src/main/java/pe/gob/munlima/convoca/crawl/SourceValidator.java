package pe.gob.munlima.convoca.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.quartz.CronExpression;

/**
 * Checks a definition before it runs: the schema (what the YAML binding cannot see), the
 * cron expression and zone, every URL, and every locator compiled by the extractor of its
 * kind (CSS selectors by Jsoup, paths, regular expressions). Each problem names the file
 * and the field, in Spanish, because administrators read them in GET /api/sources.
 */
final class SourceValidator {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private static final Pattern LANGUAGE = Pattern.compile("es|en|fr|pt|detect");

	private static final Pattern HOST = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

	private static final Set<String> LISTING_PLACEHOLDERS = Set.of("page", "offset", "size", "today");

	private final Extractors extractors;

	SourceValidator(Extractors extractors) {
		this.extractors = extractors;
	}

	List<SourceProblem> validate(String file, SourceDefinition d) {
		Problems problems = new Problems(file);
		if (d == null) {
			problems.add("(file)", "el archivo está vacío");
			return problems.list;
		}
		if (d.id() == null || !ID.matcher(d.id()).matches()) {
			problems.add("id", "obligatorio: minúsculas, dígitos y guiones");
		}
		else if (!file.equals(d.id() + ".yaml")) {
			problems.add("id", "debe ser igual al nombre del archivo sin .yaml");
		}
		if (d.funder() == null || d.funder().isBlank()) {
			problems.add("funder", "obligatorio");
		}
		Optional<Kind> kind = Kind.of(d.kind());
		if (kind.isEmpty()) {
			problems.add("kind", "obligatorio, uno de " + Kind.labels());
		}
		url(problems, "url", d.url(), LISTING_PLACEHOLDERS);
		if (d.language() != null && !LANGUAGE.matcher(d.language()).matches()) {
			problems.add("language", "uno de es, en, fr, pt o detect (u omitirlo para detectarlo)");
		}
		if (d.politeness() != null && d.politeness().delaySeconds() != null && d.politeness().delaySeconds() < 1) {
			problems.add("politeness.delaySeconds", "al menos 1 segundo entre peticiones");
		}
		schedule(problems, d.schedule());
		hosts(problems, d);
		limits(problems, d.limits());
		kind.ifPresent(k -> mapping(problems, d, k));
		kind.ifPresent(k -> documents(problems, d.documents(), k));
		return problems.list;
	}

	private void schedule(Problems problems, SourceDefinition.Schedule schedule) {
		if (schedule == null || schedule.cron() == null) {
			problems.add("schedule.cron", "obligatorio");
			return;
		}
		if (!CronExpression.isValidExpression(schedule.cron())) {
			problems.add("schedule.cron", "no es una expresión cron de Quartz: " + schedule.cron());
		}
		if (schedule.zone() != null) {
			try {
				ZoneId.of(schedule.zone());
			}
			catch (DateTimeException ex) {
				problems.add("schedule.zone", "zona horaria desconocida " + schedule.zone());
			}
		}
	}

	private static void hosts(Problems problems, SourceDefinition d) {
		if (d.allowedHosts() == null) {
			return;
		}
		boolean valid = true;
		for (String host : d.allowedHosts()) {
			if (host == null || !HOST.matcher(host.toLowerCase(java.util.Locale.ROOT)).matches()) {
				problems.add("allowedHosts", "no es un nombre de host: " + host);
				valid = false;
			}
		}
		if (valid && d.url() != null) {
			try {
				String host = URI.create(Templates.blank(d.url())).getHost();
				if (host != null && !d.hosts().contains(host.toLowerCase(java.util.Locale.ROOT))) {
					problems.add("allowedHosts", "debe incluir el host de url (" + host + ")");
				}
			}
			catch (IllegalArgumentException ex) {
				// url already reported
			}
		}
	}

	private static void limits(Problems problems, SourceDefinition.Limits limits) {
		if (limits == null) {
			return;
		}
		positive(problems, "limits.maxBodyMegabytes", limits.maxBodyMegabytes());
		positive(problems, "limits.maxUncompressedMegabytes", limits.maxUncompressedMegabytes());
		positive(problems, "limits.maxItems", limits.maxItems());
		positive(problems, "limits.requestDeadlineSeconds", limits.requestDeadlineSeconds());
		positive(problems, "limits.runDeadlineMinutes", limits.runDeadlineMinutes());
	}

	/**
	 * Attached documents: links are found by CSS in html pages only; the caps have
	 * ceilings so that one definition cannot make a run download gigabytes per call.
	 */
	private static void documents(Problems problems, SourceDefinition.Documents documents, Kind kind) {
		if (documents == null) {
			return;
		}
		if (kind != Kind.HTML && kind != Kind.MARKDOWN) {
			problems.add("documents", "solo para fuentes html o markdown (los enlaces se buscan con un selector CSS)");
			return;
		}
		if (documents.links() != null) {
			String problem = documents.links().isBlank() ? "selector vacío" : CssLocator.check(documents.links());
			if (problem == null && CssLocator.parse(documents.links()).attribute() != null) {
				problem = "un selector de enlaces, sin @atributo: se lee su href y su texto";
			}
			if (problem != null) {
				problems.add("documents.links", problem);
			}
		}
		atMost(problems, "documents.maxDocuments", documents.maxDocuments(), 20, "documentos por convocatoria");
		atMost(problems, "documents.maxMegabytes", documents.maxMegabytes(), 100, "MB por documento");
		atMost(problems, "documents.maxPages", documents.maxPages(), 2000, "páginas por documento");
	}

	private static void atMost(Problems problems, String field, Integer value, int max, String unit) {
		if (value == null) {
			return;
		}
		if (value < 1) {
			problems.add(field, "debe ser mayor que cero");
		}
		else if (value > max) {
			problems.add(field, "a lo más " + max + " " + unit);
		}
	}

	private static void positive(Problems problems, String field, Integer value) {
		if (value != null && value < 1) {
			problems.add(field, "debe ser mayor que cero");
		}
	}

	private void mapping(Problems problems, SourceDefinition d, Kind kind) {
		if (kind == Kind.IATI) {
			activities(problems, d);
			return;
		}
		Extractor extractor = this.extractors.of(kind);
		if (kind.needsItems() && (d.items() == null || d.items().isBlank())) {
			problems.add("items", "obligatorio para " + kind.label() + ": dónde está cada convocatoria en la página");
		}
		else if (!kind.needsItems() && d.items() != null) {
			problems.add("items", kind.label() + " no usa items");
		}
		else if (d.items() != null) {
			String problem = extractor.checkItems(d.items());
			if (problem != null) {
				problems.add("items", problem);
			}
		}
		fields(problems, "fields", d.fields(), kind, extractor);
		request(problems, "request", d.request(), LISTING_PLACEHOLDERS);
		pagination(problems, d, kind, extractor);
		Set<String> mapped = new HashSet<>(ItemMapper.fields(kind, d.fields()).keySet());
		if (d.detail() != null) {
			detail(problems, d, kind, extractor, mapped);
			mapped.addAll(d.detail().fields().keySet());
		}
		if (!kind.feed() && !mapped.contains(FieldNames.TITLE)) {
			problems.add("fields.title", "obligatorio: dónde está el título de cada convocatoria");
		}
		filter(problems, d.filter(), mapped);
	}

	private void fields(Problems problems, String prefix, Map<String, FieldSpec> fields, Kind kind,
			Extractor extractor) {
		fields.forEach((name, spec) -> {
			String field = prefix + "." + name;
			if (!FieldNames.known(name)) {
				problems.add(field, "campo desconocido; use uno de " + FieldNames.all());
				return;
			}
			if (spec == null || (spec.from().isEmpty() && spec.value() == null)) {
				problems.add(field, "falta from (dónde está el valor) o value (un valor fijo)");
				return;
			}
			spec.from().forEach(locator -> locator(problems, field + ".from", extractor, locator));
			regex(problems, field + ".pattern", spec.pattern());
			regex(problems, field + ".split", spec.split());
			if (spec.json() != null) {
				String problem = this.extractors.of(Kind.JSON_API).check(Templates.blank(spec.json()));
				if (problem != null) {
					problems.add(field + ".json", problem);
				}
			}
			if (spec.format() != null && !spec.format().contains("${value}")) {
				problems.add(field + ".format", "debe contener ${value}");
			}
			if (spec.html() && kind != Kind.HTML && kind != Kind.MARKDOWN) {
				problems.add(field + ".markup", "solo para html y markdown");
			}
		});
	}

	private static void locator(Problems problems, String field, Extractor extractor, String locator) {
		if (locator == null || locator.isBlank()) {
			problems.add(field, "vacío");
			return;
		}
		String problem = extractor.check(locator);
		if (problem != null) {
			problems.add(field, problem);
		}
	}

	private static void regex(Problems problems, String field, String regex) {
		if (regex == null) {
			return;
		}
		try {
			Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			problems.add(field, "expresión regular inválida: " + ex.getDescription());
		}
	}

	private static void request(Problems problems, String field, SourceDefinition.Request request,
			Set<String> placeholders) {
		if (request == null) {
			return;
		}
		String method = request.method() == null ? "GET" : request.method();
		if (!"GET".equals(method) && !"POST".equals(method)) {
			problems.add(field + ".method", "GET o POST");
		}
		boolean hasBody = request.body() != null || (request.form() != null && !request.form().isEmpty());
		if ("GET".equals(method) && hasBody) {
			problems.add(field + ".method", "un cuerpo (body o form) necesita method: POST");
		}
		if (request.body() != null && request.form() != null) {
			problems.add(field + ".form", "use body o form, no ambos");
		}
		placeholders(problems, field + ".body", request.body(), placeholders);
		if (request.form() != null) {
			request.form()
				.forEach((part, value) -> placeholders(problems, field + ".form." + part, value, placeholders));
		}
	}

	/**
	 * IATI activities are read as the standard says: nothing to map, filter or detail;
	 * pages only by ${offset} or ${page} (the Datastore's total-count is read by itself).
	 */
	private void activities(Problems problems, SourceDefinition d) {
		java.util.function.UnaryOperator<String> unused = part -> "iati no usa " + part
				+ ": las actividades se leen según el estándar IATI";
		if (d.items() != null) {
			problems.add("items", unused.apply("items"));
		}
		if (!d.fields().isEmpty()) {
			problems.add("fields", unused.apply("fields"));
		}
		if (d.detail() != null) {
			problems.add("detail", unused.apply("detail"));
		}
		if (d.filter() != null) {
			problems.add("filter", unused.apply("filter") + " (filtre en la consulta de url)");
		}
		request(problems, "request", d.request(), LISTING_PLACEHOLDERS);
		SourceDefinition.Pagination p = d.pagination();
		if (p != null && (p.next() != null || p.total() != null)) {
			problems.add("pagination", "iati pagina con ${offset} o ${page} en url; el total lo dice la respuesta");
		}
		else {
			pagination(problems, d, Kind.IATI, null);
		}
	}

	private void pagination(Problems problems, SourceDefinition d, Kind kind, Extractor extractor) {
		SourceDefinition.Pagination p = d.pagination();
		boolean pageInRequest = usesAny(d.url(), "page", "offset")
				|| (d.request() != null && (usesAny(d.request().body(), "page", "offset") || (d.request().form() != null
						&& d.request().form().values().stream().anyMatch(v -> usesAny(v, "page", "offset")))));
		if (p == null) {
			if (pageInRequest) {
				problems.add("pagination", "url o request usan ${page}/${offset}: falta pagination");
			}
			return;
		}
		if (kind != Kind.HTML && kind != Kind.JSON_API && kind != Kind.IATI) {
			problems.add("pagination", "solo html, json-api e iati tienen páginas");
			return;
		}
		if (p.next() != null) {
			locator(problems, "pagination.next", extractor, p.next());
		}
		else if (!pageInRequest) {
			problems.add("pagination",
					"indique next (enlace a la página siguiente) o use ${page} u ${offset} en url o request");
		}
		if (p.total() != null) {
			locator(problems, "pagination.total", extractor, p.total());
		}
		if (p.maxPages() != null && (p.maxPages() < 1 || p.maxPages() > 1000)) {
			problems.add("pagination.maxPages", "entre 1 y 1000");
		}
		if (p.start() != null && p.start() < 0) {
			problems.add("pagination.start", "no puede ser negativo");
		}
		boolean offset = usesAny(d.url(), "offset")
				|| (d.request() != null && usesAny(String.valueOf(d.request().body()) + d.request().form(), "offset"));
		if ((offset || usesAny(d.url(), "size")) && (p.size() == null || p.size() < 1)) {
			problems.add("pagination.size", "obligatorio (ítems por página) cuando se usa ${offset} o ${size}");
		}
	}

	private void detail(Problems problems, SourceDefinition d, Kind kind, Extractor extractor, Set<String> mapped) {
		if (kind != Kind.HTML && kind != Kind.JSON_API) {
			problems.add("detail", "solo html y json-api leen una página de detalle");
			return;
		}
		SourceDefinition.Detail detail = d.detail();
		if (detail.url() == null) {
			if (!mapped.contains(FieldNames.LINK)) {
				problems.add("detail.url",
						"sin url, el detalle se lee en el enlace (link) del ítem: falta fields.link");
			}
		}
		else {
			url(problems, "detail.url", detail.url(), mapped);
		}
		request(problems, "detail.request", detail.request(), mapped);
		if (detail.items() != null) {
			if (kind != Kind.JSON_API) {
				problems.add("detail.items", "solo json-api: dónde está el registro en la respuesta");
			}
			else {
				locator(problems, "detail.items", extractor, detail.items());
			}
		}
		fields(problems, "detail.fields", detail.fields(), kind, extractor);
	}

	private static void filter(Problems problems, SourceDefinition.Filter filter, Set<String> mapped) {
		if (filter == null) {
			return;
		}
		condition(problems, "filter.keepIf", filter.keepIf(), mapped);
		condition(problems, "filter.dropIf", filter.dropIf(), mapped);
	}

	private static void condition(Problems problems, String field, List<SourceDefinition.Condition> conditions,
			Set<String> mapped) {
		for (SourceDefinition.Condition condition : conditions) {
			if (condition.field() == null || !mapped.contains(condition.field())) {
				problems.add(field, "el campo " + condition.field() + " no está en fields");
			}
			if (condition.matches() == null) {
				problems.add(field, "falta matches (expresión regular)");
			}
			else {
				regex(problems, field, condition.matches());
			}
		}
	}

	private static void url(Problems problems, String field, String url, Set<String> placeholders) {
		if (url == null) {
			problems.add(field, "obligatorio");
			return;
		}
		placeholders(problems, field, url, placeholders);
		try {
			URI uri = new URI(Templates.blank(url));
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				problems.add(field, "debe ser una URL http(s) absoluta");
			}
		}
		catch (URISyntaxException ex) {
			problems.add(field, "no es una URL: " + ex.getMessage());
		}
	}

	private static void placeholders(Problems problems, String field, String template, Set<String> allowed) {
		if (template == null) {
			return;
		}
		Matcher matcher = Templates.PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			if (!allowed.contains(matcher.group(1))) {
				problems.add(field, "${" + matcher.group(1) + "} no es un valor conocido aquí " + allowed);
			}
		}
	}

	private static boolean usesAny(String template, String... names) {
		for (String name : names) {
			if (Templates.uses(template, name)) {
				return true;
			}
		}
		return false;
	}

	private static final class Problems {

		private final String file;

		private final List<SourceProblem> list = new ArrayList<>();

		Problems(String file) {
			this.file = file;
		}

		void add(String field, String message) {
			this.list.add(new SourceProblem(this.file, field, message));
		}

	}

}
