package pe.gob.munlima.convoca.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Convocatorias page: the search of the API ({@code GET /api/calls/search}, same
 * parameters, so a page's address can be handed to the API or shared) with facets to
 * click, filters to remove, ranges, sorting, paging and the CSV export.
 */
@Controller
class CallSearchPageController {

	/** Facets in the order the page lists them; ranges come last. */
	static final List<String> FACET_ORDER = List.of(CallFields.DIM_STATUS, CallFields.DIM_THEME,
			CallFields.DIM_APPLICANT_TYPE, CallFields.DIM_REGION, CallFields.DIM_FUNDER, CallFields.DIM_LANGUAGE,
			CallFields.DIM_SOURCE, "deadline", "amount");

	static final List<String> RANGE_PARAMS = List.of("deadlineFrom", "deadlineTo", "amountMin", "amountMax");

	private static final int PAGE_LINKS = 2;

	private final CallSearch search;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	CallSearchPageController(CallSearch search, Clock clock, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.search = search;
		this.clock = clock;
	}

	@GetMapping(SearchLinks.PAGE_PATH)
	String search(@RequestParam MultiValueMap<String, String> params, Model model, java.util.Locale locale) {
		SearchLinks links = new SearchLinks(params);
		SearchResult result = null;
		String error = null;
		try {
			result = this.search.search(SearchRequest.from(params));
		}
		catch (SearchRequest.InvalidSearchException ex) {
			error = ex.message(this.messages, locale);
		}
		model.addAttribute("search", page(params, links, result, error));
		return "calls/search";
	}

	private SearchPage page(MultiValueMap<String, String> params, SearchLinks links, SearchResult result,
			String error) {
		String q = blankToNull(params.getFirst("q"));
		String sort = result == null ? "relevance" : result.sort();
		List<SearchPage.Option> sorts = List.of("relevance", "deadline", "newest")
			.stream()
			.map(option -> new SearchPage.Option(option, option.equals(sort), links.with("sort", option)))
			.toList();
		SearchPage.Form form = new SearchPage.Form(params.getFirst("deadlineFrom"), params.getFirst("deadlineTo"),
				params.getFirst("amountMin"), params.getFirst("amountMax"), hidden(params, Set.of("q")),
				hidden(params, Set.copyOf(RANGE_PARAMS)));
		if (result == null) {
			return new SearchPage(q, sort, error, 0, List.of(), List.of(), chips(params, links), sorts,
					new SearchPage.Pager(0, 0, null, null, List.of()), links.csv(), form);
		}
		return new SearchPage(q, sort, null, result.total(),
				result.hits().stream().map(SearchPage.HitView::of).toList(), facets(result, links),
				chips(params, links), sorts, pager(result, links), links.csv(), form);
	}

	private List<SearchPage.FacetGroup> facets(SearchResult result, SearchLinks links) {
		LocalDate today = LocalDate.now(this.clock.withZone(CallSearch.LIMA));
		List<SearchPage.FacetGroup> groups = new ArrayList<>();
		for (String dim : FACET_ORDER) {
			List<SearchResult.FacetCount> counts = result.facets().getOrDefault(dim, List.of());
			List<SearchPage.FacetValue> values = new ArrayList<>();
			for (SearchResult.FacetCount count : counts) {
				if (count.count() == 0 && !links.has(dim, count.value())) {
					continue;
				}
				String url = switch (dim) {
					case "deadline" -> deadlineLink(count.value(), today, links);
					case "amount" -> amountLink(count.value(), links);
					default -> links.toggle(dim, count.value());
				};
				values.add(new SearchPage.FacetValue(count.value(), count.count(), links.has(dim, count.value()), url));
			}
			if (!values.isEmpty()) {
				groups.add(new SearchPage.FacetGroup(dim, values));
			}
		}
		return groups;
	}

	/**
	 * A deadline bucket as the day range the API filters on (days in Lima); calls without
	 * a deadline cannot be asked for.
	 */
	private static String deadlineLink(String bucket, LocalDate today, SearchLinks links) {
		return switch (bucket) {
			case "vencida" -> links.range("deadlineFrom", null, "deadlineTo", today.minusDays(1).toString());
			case "30-dias" ->
				links.range("deadlineFrom", today.toString(), "deadlineTo", today.plusDays(30).toString());
			case "90-dias" ->
				links.range("deadlineFrom", today.plusDays(31).toString(), "deadlineTo", today.plusDays(90).toString());
			case "180-dias" -> links.range("deadlineFrom", today.plusDays(91).toString(), "deadlineTo",
					today.plusDays(180).toString());
			case "mas-180-dias" -> links.range("deadlineFrom", today.plusDays(181).toString(), "deadlineTo", null);
			default -> null;
		};
	}

	/** An amount bucket as the USD range of its bounds. */
	private static String amountLink(String bucket, SearchLinks links) {
		for (CallSearch.Buckets.Bucket amount : CallSearch.Buckets.AMOUNTS) {
			if (amount.key().equals(bucket)) {
				long max = amount.range().max;
				return links.range("amountMin", Long.toString(amount.range().min), "amountMax",
						max == Long.MAX_VALUE ? null : Long.toString(max));
			}
		}
		return null;
	}

	private static List<SearchPage.Chip> chips(MultiValueMap<String, String> params, SearchLinks links) {
		List<SearchPage.Chip> chips = new ArrayList<>();
		for (String dim : CallFields.STRING_DIMS) {
			for (String value : params.getOrDefault(dim, List.of())) {
				if (!value.isBlank()) {
					chips.add(new SearchPage.Chip(dim, value, links.toggle(dim, value)));
				}
			}
		}
		for (String range : RANGE_PARAMS) {
			String value = params.getFirst(range);
			if (value != null && !value.isBlank()) {
				chips.add(new SearchPage.Chip(range, value, links.with(range, null)));
			}
		}
		return chips;
	}

	/**
	 * The parameters a form must carry along: all but its own fields, the page (a new
	 * search starts on the first) and the language switch.
	 */
	private static List<SearchPage.Hidden> hidden(MultiValueMap<String, String> params, Set<String> ownFields) {
		List<SearchPage.Hidden> hidden = new ArrayList<>();
		for (Map.Entry<String, List<String>> param : params.entrySet()) {
			String name = param.getKey();
			if (!ownFields.contains(name) && !"page".equals(name) && !"lang".equals(name)) {
				param.getValue()
					.stream()
					.filter(value -> value != null && !value.isBlank())
					.forEach(value -> hidden.add(new SearchPage.Hidden(param.getKey(), value)));
			}
		}
		return hidden;
	}

	private static SearchPage.Pager pager(SearchResult result, SearchLinks links) {
		long reachable = Math.min(result.total(), SearchRequest.MAX_WINDOW);
		int pages = (int) ((reachable + result.size() - 1) / result.size());
		int page = result.page();
		List<SearchPage.Option> around = new ArrayList<>();
		for (int i = Math.max(0, page - PAGE_LINKS); i < Math.min(pages, page + PAGE_LINKS + 1); i++) {
			around.add(new SearchPage.Option(Integer.toString(i + 1), i == page, links.page(i)));
		}
		return new SearchPage.Pager(page, pages, page > 0 ? links.page(page - 1) : null,
				page + 1 < pages ? links.page(page + 1) : null, around);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
