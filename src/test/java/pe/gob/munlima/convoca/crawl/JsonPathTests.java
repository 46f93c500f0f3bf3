package pe.gob.munlima.convoca.crawl;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonPathTests {

	private static final JsonNode RESPONSE = JsonMapper.builder().build().readTree("""
			{"data": {"hits": [
			  {"id": 7, "title": "Ciudades", "budget": 1500000.50, "big": 12345678901234567890, "tags": ["a", "b"]},
			  {"id": 8, "title": null, "odd key": "x", "action": "HORIZON-CL5-2027-07 Action"}
			]}, "total": 2}
			""");

	private static List<String> texts(String path) {
		return JsonPath.compile(path).find(RESPONSE).stream().map(JsonPath::text).toList();
	}

	@Test
	void namesIndexesAndWildcardsWithOrWithoutTheLeadingDollar() {
		assertThat(texts("data.hits[*].id")).containsExactly("7", "8");
		assertThat(texts("$.data.hits[0].title")).containsExactly("Ciudades");
		assertThat(texts("data.hits[-1].id")).containsExactly("8");
		assertThat(texts("data.hits[1]['odd key']")).containsExactly("x");
		assertThat(texts("total")).containsExactly("2");
		assertThat(JsonPath.compile("data.hits[0].tags").find(RESPONSE)).singleElement()
			.satisfies(node -> assertThat(node.isArray()).isTrue());
	}

	@Test
	void numbersKeepTheirPrecisionInPlainNotation() {
		assertThat(texts("data.hits[0].budget")).containsExactly("1500000.5");
		assertThat(texts("data.hits[0].big")).containsExactly("12345678901234567890");
	}

	@Test
	void filtersCompareFieldsAndRegularExpressionsCoverTheWholeValue() {
		assertThat(texts("data.hits[?(@.title == 'Ciudades')].id")).containsExactly("7");
		assertThat(texts("data.hits[?(@.id != 7)].id")).containsExactly("8");
		assertThat(texts("data.hits[?(@.action =~ /^HORIZON-CL5-2027-07 .*/)].id")).containsExactly("8");
		assertThat(texts("data.hits[?(@.action =~ /^horizon-cl5.*/i)].id")).containsExactly("8");
		assertThat(texts("data.hits[?(@.action =~ /^HORIZON-CL5/)].id")).isEmpty();
		assertThat(texts("data.hits[?(@.id in [7, 9])].title")).containsExactly("Ciudades");
		assertThat(texts("data.hits[?(@.title in ['Ciudades', 'Agua'])].id")).containsExactly("7");
	}

	@Test
	void whatIsMissingIsNothingAndAPointerReadsOneNode() {
		assertThat(texts("data.nothing.here")).isEmpty();
		assertThat(texts("data.hits[5].id")).isEmpty();
		assertThat(texts("data.hits[1].title")).containsOnlyNulls();
		assertThat(texts("/data/hits/1/odd key")).containsExactly("x");
		assertThat(texts("/data/missing")).isEmpty();
	}

	@Test
	void manyOnlyWhenThePathCanFindSeveralNodes() {
		assertThat(JsonPath.compile("data.hits[*]").many()).isTrue();
		assertThat(JsonPath.compile("data.hits[?(@.id == 7)]").many()).isTrue();
		assertThat(JsonPath.compile("data.hits[0]").many()).isFalse();
		assertThat(JsonPath.compile("/data/hits").many()).isFalse();
	}

	@Test
	void anInvalidPathIsRefusedWhenCompiled() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.compile("data.hits[abc]"))
			.withMessageContaining("data.hits[abc]");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.compile("data.hits[?(@.id ==)]"))
			.withMessageContaining("position");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.compile(" ")).withMessage("ruta vacía");
	}

}
