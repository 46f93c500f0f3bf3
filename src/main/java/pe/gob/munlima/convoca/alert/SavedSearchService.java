package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import pe.gob.munlima.convoca.search.StoredQueries;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's saved searches: checked as the search API checks a search (a query that does
 * not parse is refused with the same Spanish reason), owned by their user.
 */
@Service
@Transactional
class SavedSearchService {

	private static final List<String> FREQUENCIES = List.of("DAILY", "WEEKLY", "OFF");

	private final SavedSearches searches;

	private final StoredQueries queries;

	private final AccessControl access;

	private final Clock clock;

	private final AlertSubscriptions subscriptions;

	SavedSearchService(SavedSearches searches, StoredQueries queries, AccessControl access, Clock clock,
			AlertSubscriptions subscriptions) {
		this.searches = searches;
		this.queries = queries;
		this.access = access;
		this.clock = clock;
		this.subscriptions = subscriptions;
	}

	@Transactional(readOnly = true)
	List<SavedSearch> mine() {
		return this.searches.ofUser(this.access.actor());
	}

	@Transactional(readOnly = true)
	SavedSearch get(long id) {
		return owned(id);
	}

	SavedSearch create(SavedSearchForm form) {
		Checked checked = check(form);
		long id = this.searches.insert(this.access.actor(), checked.name(), checked.params(), checked.frequency(),
				checked.includeNotEligible(), this.clock.instant());
		return turnedOn(this.searches.find(id).orElseThrow());
	}

	SavedSearch update(long id, SavedSearchForm form) {
		owned(id);
		Checked checked = check(form);
		this.searches.update(id, checked.name(), checked.params(), checked.frequency(), checked.includeNotEligible(),
				this.clock.instant());
		return turnedOn(this.searches.find(id).orElseThrow());
	}

	/** Turned on again after an unsubscribe link turned it off: mail flows again. */
	private SavedSearch turnedOn(SavedSearch search) {
		this.subscriptions.turnedOn(search);
		return search;
	}

	void delete(long id) {
		owned(id);
		this.searches.delete(id);
	}

	/** Calls the search found since it was saved, newest first. */
	@Transactional(readOnly = true)
	List<Long> hits(long id) {
		owned(id);
		return this.searches.hits(id, 100);
	}

	/** Another user's search is as good as missing (an administrator sees every one). */
	private SavedSearch owned(long id) {
		UserProfile user = this.access.requireUser();
		return this.searches.find(id)
			.filter(search -> search.username().equals(user.username())
					|| user.has(pe.gob.munlima.convoca.security.Role.ADMIN))
			.orElseThrow(() -> new AlertRejectedException(HttpStatus.NOT_FOUND, "unknownSavedSearch", id));
	}

	private Checked check(SavedSearchForm form) {
		if (form.name() == null || form.name().isBlank()) {
			throw new AlertRejectedException(HttpStatus.BAD_REQUEST, "savedSearchName");
		}
		Map<String, List<String>> params = params(form.params());
		try {
			this.queries.compile(params);
		}
		catch (IllegalArgumentException ex) {
			throw new AlertRejectedException(HttpStatus.BAD_REQUEST, "invalidSearch", ex.getMessage());
		}
		String frequency = form.frequency() == null ? "WEEKLY" : form.frequency().toUpperCase(Locale.ROOT);
		if (!FREQUENCIES.contains(frequency)) {
			throw new AlertRejectedException(HttpStatus.BAD_REQUEST, "invalidFrequency", frequency,
					String.join(", ", FREQUENCIES));
		}
		return new Checked(form.name().strip(), params, frequency, Boolean.TRUE.equals(form.includeNotEligible()));
	}

	/** {@code {"q": "agua", "theme": ["water", "waste"]}} as lists of strings. */
	private static Map<String, List<String>> params(Map<String, Object> raw) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		if (raw == null) {
			return params;
		}
		raw.forEach((name, value) -> {
			List<String> values = new ArrayList<>();
			if (value instanceof List<?> list) {
				list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).forEach(values::add);
			}
			else if (value != null) {
				values.add(String.valueOf(value));
			}
			if (!values.isEmpty()) {
				params.put(name, List.copyOf(values));
			}
		});
		return params;
	}

	private record Checked(String name, Map<String, List<String>> params, String frequency,
			boolean includeNotEligible) {
	}

}
