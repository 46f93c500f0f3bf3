package pe.gob.munlima.convoca.search;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class SearchLinksTests {

	private final SearchLinks links = new SearchLinks(
			params("q", "agua potable", "theme", "water", "page", "3", "funder", "Fondo A&B + C", "lang", "en"));

	@Test
	void aFacetValueIsAddedOrRemovedAndTheSearchStartsAgainOnItsFirstPage() {
		assertThat(this.links.toggle("theme", "waste"))
			.isEqualTo("/convocatorias?q=agua+potable&theme=water&theme=waste&funder=Fondo+A%26B+%2B+C");
		assertThat(this.links.toggle("theme", "water"))
			.isEqualTo("/convocatorias?q=agua+potable&funder=Fondo+A%26B+%2B+C");
		assertThat(this.links.has("theme", "water")).isTrue();
	}

	@Test
	void pagesRangesAndTheCsvKeepTheRestOfTheSearch() {
		assertThat(this.links.page(1)).endsWith("&page=1");
		assertThat(this.links.page(0)).doesNotContain("page=");
		assertThat(this.links.range("deadlineFrom", "2026-11-24", "deadlineTo", null))
			.endsWith("&deadlineFrom=2026-11-24");
		assertThat(this.links.csv()).startsWith("/api/calls/search?q=agua+potable").endsWith("&format=csv");
	}

	private static MultiValueMap<String, String> params(String... pairs) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			params.add(pairs[i], pairs[i + 1]);
		}
		return params;
	}

}
