package pe.gob.munlima.convoca.alert;

import java.util.Map;

/**
 * A saved search as the API receives it.
 *
 * @param params parameter name to a value or a list of values, as
 * {@code /api/calls/search} takes them: {@code {"q": "agua", "theme": ["water"]}}
 * @param frequency DAILY, WEEKLY (default) or OFF
 */
record SavedSearchForm(String name, Map<String, Object> params, String frequency, Boolean includeNotEligible) {

}
