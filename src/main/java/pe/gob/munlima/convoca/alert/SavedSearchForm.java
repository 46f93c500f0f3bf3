package pe.gob.munlima.convoca.alert;

import java.util.Map;

import jakarta.validation.constraints.Size;

import pe.gob.munlima.convoca.validation.PlainText;

/**
 * A saved search as the API receives it.
 *
 * @param params parameter name to a value or a list of values, as
 * {@code /api/calls/search} takes them: {@code {"q": "agua", "theme": ["water"]}}
 * @param frequency DAILY, WEEKLY (default) or OFF
 */
record SavedSearchForm(@Size(max = 200) @PlainText String name, @Size(max = 30) Map<String, Object> params,
		@Size(max = 10) String frequency, Boolean includeNotEligible) {

}
