package pe.gob.munlima.convoca.call;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.requirement.Confirmation;

/**
 * The call's confirmed facts as the JSON of their column ({@code call.confirmations}).
 */
final class Confirmations {

	private static final TypeReference<Map<String, Confirmation>> TYPE = new TypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.build();

	private Confirmations() {
	}

	static String write(Map<String, Confirmation> confirmed) {
		return confirmed.isEmpty() ? null : JSON.writeValueAsString(confirmed);
	}

	static Map<String, Confirmation> read(String json) {
		return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, TYPE);
	}

}
