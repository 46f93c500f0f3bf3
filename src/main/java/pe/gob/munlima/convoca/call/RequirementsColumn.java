package pe.gob.munlima.convoca.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.requirement.Requirements;

/**
 * The call's requirements as the JSON of its one column: facts the call does not state
 * are left out, so the document holds what was read and nothing else.
 */
final class RequirementsColumn {

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.build();

	private RequirementsColumn() {
	}

	static String write(Requirements requirements) {
		return JSON.writeValueAsString(requirements);
	}

	static Requirements read(String json) {
		return json == null || json.isBlank() ? Requirements.NONE : JSON.readValue(json, Requirements.class);
	}

}
