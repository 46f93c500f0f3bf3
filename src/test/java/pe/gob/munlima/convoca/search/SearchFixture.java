package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * A search stack on a temporary folder, with the shipped thesaurus and rate table, a
 * fixed clock, and an in-memory "database" of calls behind a mocked {@link Calls}.
 */
final class SearchFixture implements AutoCloseable {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	final Path dir;

	final SearchProperties properties;

	final Map<Long, CallView> database = new ConcurrentHashMap<>();

	final Calls calls = mock(Calls.class);

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	final ThesaurusStore thesaurus;

	/** When set, a rebuild waits for it before reading the "database". */
	volatile java.util.concurrent.CountDownLatch rebuildGate;

	CallIndex index;

	CallIndexer indexer;

	CallSearch search;

	SearchFixture(Path dir) {
		this(dir, Path.of("index", "thesaurus.yaml"));
	}

	SearchFixture(Path dir, Path thesaurusFile) {
		this.dir = dir;
		this.properties = new SearchProperties(dir.resolve("index"), Path.of("reading", "vocabulary.yaml"),
				thesaurusFile, Path.of("rules", "parameters.yaml"), 0, Duration.ofHours(1));
		this.thesaurus = new ThesaurusStore(this.properties, this.clock);
		given(this.calls.count()).willAnswer(invocation -> (long) this.database.size());
		given(this.calls.find(anyLong()))
			.willAnswer(invocation -> Optional.ofNullable(this.database.get(invocation.getArgument(0, Long.class))));
		given(this.calls.findAll(any())).willAnswer(invocation -> {
			Map<Long, CallView> found = new java.util.HashMap<>();
			for (Long id : invocation.<java.util.Collection<Long>>getArgument(0)) {
				CallView call = this.database.get(id);
				if (call != null) {
					found.put(id, call);
				}
			}
			return found;
		});
		willAnswer(invocation -> {
			java.util.concurrent.CountDownLatch gate = this.rebuildGate;
			if (gate != null) {
				gate.await();
			}
			int size = invocation.getArgument(0);
			Consumer<List<CallView>> page = invocation.getArgument(1);
			List<CallView> all = this.database.values()
				.stream()
				.sorted((a, b) -> Long.compare(a.id(), b.id()))
				.toList();
			for (int from = 0; from < all.size(); from += size) {
				page.accept(new ArrayList<>(all.subList(from, Math.min(all.size(), from + size))));
			}
			return null;
		}).given(this.calls).forEach(anyInt(), any());
		open();
	}

	/**
	 * Opens the index folder as the application does at start-up (rebuilding if needed).
	 */
	void open() {
		try {
			this.index = new CallIndex(this.properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.indexer = new CallIndexer(this.index, this.calls, this.clock);
		this.search = new CallSearch(this.index, this.thesaurus, this.clock);
		this.indexer.startUp(this.index.rebuildReason());
	}

	/** Stores calls in the "database" and indexes them as the intake event would. */
	void store(TestCall... calls) {
		for (TestCall call : calls) {
			CallView view = call.view();
			this.database.put(view.id(), view);
			this.index.index(view);
		}
	}

	SearchResult search(String q) {
		return this.search.search(SearchRequest.of(q, 0, 20));
	}

	List<Long> ids(String q) {
		return search(q).hits().stream().map(SearchResult.Hit::id).toList();
	}

	static Instant inDays(int days) {
		return NOW.plus(Duration.ofDays(days));
	}

	@Override
	public void close() throws IOException {
		this.indexer.destroy();
		this.index.destroy();
	}

}
