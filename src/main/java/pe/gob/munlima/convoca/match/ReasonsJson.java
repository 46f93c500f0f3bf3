package pe.gob.munlima.convoca.match;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import pe.gob.munlima.convoca.rules.Reason;

/** Reasons are stored as a JSON array so they stay readable in psql. */
final class ReasonsJson {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	List<Reason> read(String reasons) {
		return this.json.readValue(reasons, REASONS);
	}

}
