package pe.gob.munlima.convoca.alert;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saved searches of the current user, and the calls that follow: {@code PUT/DELETE
 * /api/calls/{id}/follow} to get (or stop) the change notices of a call.
 */
@RestController
class SavedSearchController {

	private final SavedSearchService searches;

	private final Follows follows;

	private final pe.gob.munlima.convoca.security.AccessControl access;

	private final pe.gob.munlima.convoca.call.Calls calls;

	private final java.time.Clock clock;

	SavedSearchController(SavedSearchService searches, Follows follows,
			pe.gob.munlima.convoca.security.AccessControl access, pe.gob.munlima.convoca.call.Calls calls,
			java.time.Clock clock) {
		this.searches = searches;
		this.follows = follows;
		this.access = access;
		this.calls = calls;
		this.clock = clock;
	}

	@GetMapping("/api/saved-searches")
	List<SearchView> mine() {
		return this.searches.mine().stream().map(SearchView::of).toList();
	}

	@PostMapping("/api/saved-searches")
	ResponseEntity<SearchView> create(@Valid @RequestBody SavedSearchForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(SearchView.of(this.searches.create(form)));
	}

	@GetMapping("/api/saved-searches/{id}")
	SearchView get(@PathVariable long id) {
		return SearchView.of(this.searches.get(id));
	}

	@PutMapping("/api/saved-searches/{id}")
	SearchView update(@PathVariable long id, @Valid @RequestBody SavedSearchForm form) {
		return SearchView.of(this.searches.update(id, form));
	}

	@DeleteMapping("/api/saved-searches/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.searches.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** The ids of the new calls the search found since it was saved, newest first. */
	@GetMapping("/api/saved-searches/{id}/hits")
	List<Long> hits(@PathVariable long id) {
		return this.searches.hits(id);
	}

	@PutMapping("/api/calls/{id}/follow")
	ResponseEntity<Void> follow(@PathVariable long id) {
		if (this.calls.find(id).isEmpty()) {
			throw new AlertRejectedException(HttpStatus.NOT_FOUND, "unknownCall", id);
		}
		this.follows.follow(this.access.actor(), id, this.clock.instant());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/calls/{id}/follow")
	ResponseEntity<Void> unfollow(@PathVariable long id) {
		this.follows.unfollow(this.access.actor(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me/follows")
	List<Long> following() {
		return this.follows.followedBy(this.access.actor());
	}

	/**
	 * @param searchUrl the same search on the search API, to see every result now
	 */
	record SearchView(long id, String name, Map<String, List<String>> params, String frequency,
			boolean includeNotEligible, java.time.Instant createdAt, java.time.Instant lastAlertAt, String searchUrl) {

		static SearchView of(SavedSearch search) {
			UriComponentsBuilder url = UriComponentsBuilder.fromPath("/api/calls/search");
			search.params().forEach((name, values) -> url.queryParam(name, values.toArray()));
			return new SearchView(search.id(), search.name(), search.params(), search.frequency(),
					search.includeNotEligible(), search.createdAt(), search.lastAlertAt(),
					url.encode().build().toUriString());
		}

	}

}
