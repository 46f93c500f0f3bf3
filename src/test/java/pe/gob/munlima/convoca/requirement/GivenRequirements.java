package pe.gob.munlima.convoca.requirement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requirements written by hand in tests and benchmarks: names and values in pairs, a null
 * value meaning "the call does not say".
 */
public final class GivenRequirements {

	private GivenRequirements() {
	}

	public static Requirements of(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values come in pairs");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				values.put((String) namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return Requirements.of(values, Map.of());
	}

}
