package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.money.ExchangeRates;
import pe.gob.munlima.convoca.money.RateTable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of calls. It lives in generation folders under the data folder
 * ({@code gen-<millis>}); the file {@code CURRENT} names the live one and is replaced
 * atomically when a rebuild is swapped in. Single calls are indexed, committed and made
 * visible to searches at once (near-real-time); a rebuild loads a new generation from the
 * database while the live one keeps answering.
 * <p>
 * The index can always be thrown away: the database is the source of truth. A missing,
 * unreadable or older-schema index is reported by {@link #rebuildReason()} and rebuilt at
 * start-up; meanwhile an empty in-memory index answers. While the service runs,
 * {@link #check()} looks at the live generation on disk; a deleted or unreadable one
 * makes the index not ready (health DOWN) until a rebuild has replaced it.
 */
@Component
class CallIndex implements CallIndexing, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CallIndex.class);

	private static final String CURRENT = "CURRENT";

	private static final String GENERATION_PREFIX = "gen-";

	private final Path root;

	private final java.time.Duration checkInterval;

	private final FacetsConfig facets = CallFields.facetsConfig();

	private final RateTable rates;

	/** Threads that search the slices of one query; shared by every generation. */
	private final ExecutorService sliceThreads;

	private final IndexGeneration.Searchers searchers;

	/** Guards writes to the live generation, the swap, and {@link #touched}. */
	private final Object writes = new Object();

	private volatile IndexGeneration live;

	/**
	 * Calls indexed while a rebuild runs; re-read into the new generation before the
	 * swap.
	 */
	private Set<Long> touched;

	private final String rebuildReason;

	private volatile boolean ready;

	/** What {@link #check()} found wrong with the live generation; null when sound. */
	private volatile String damage;

	/**
	 * The change-log seq the live generation reflects (written with each commit); null
	 * while not known.
	 */
	private volatile Long appliedSeq;

	CallIndex(SearchProperties properties) throws IOException {
		this.root = properties.dataDir();
		this.checkInterval = properties.checkInterval();
		// The index buckets with the latest table, the one in force from its date on.
		this.rates = ExchangeRates.read(properties.exchangeRatesFile()).latest();
		int threads = properties.searchThreads() > 0 ? properties.searchThreads()
				: Runtime.getRuntime().availableProcessors();
		this.sliceThreads = threads > 1 ? Executors.newFixedThreadPool(threads, CallIndexer.named("search-slice"))
				: null;
		this.searchers = new IndexGeneration.Searchers(this.facets, this.sliceThreads);
		Files.createDirectories(this.root);
		String current = readCurrent();
		String problem = null;
		IndexGeneration opened = null;
		if (current == null) {
			problem = "no hay índice en " + this.root;
		}
		else {
			Path path = this.root.resolve(current);
			try {
				String schema = IndexGeneration.schemaOf(path);
				if (schema == null) {
					problem = "la generación " + current + " no tiene índice";
				}
				else if (!CallFields.SCHEMA_VERSION.equals(schema)) {
					problem = "el índice tiene el esquema " + schema + " y se necesita el " + CallFields.SCHEMA_VERSION;
				}
				else {
					opened = IndexGeneration.open(path, this.searchers);
				}
			}
			catch (IOException | RuntimeException ex) {
				problem = "el índice " + current + " no se puede leer (" + ex + ")";
			}
		}
		if (problem != null) {
			log.warn("Search index will be rebuilt from the database: {}", problem);
		}
		this.rebuildReason = problem;
		this.live = opened != null ? opened : IndexGeneration.empty(this.searchers);
		this.appliedSeq = opened != null ? opened.committedSeq() : null;
		removeLeftovers(opened == null ? null : opened.name());
	}

	/** Why the index must be rebuilt at start-up, or null when it is usable. */
	String rebuildReason() {
		return this.rebuildReason;
	}

	RateTable rates() {
		return this.rates;
	}

	FacetsConfig facets() {
		return this.facets;
	}

	/** Adds or replaces one call and makes it visible to the next search. */
	void index(CallView call) {
		synchronized (this.writes) {
			// Remembered first: if the live generation cannot take it (its folder was
			// deleted), the rebuild still re-reads it.
			if (this.touched != null) {
				this.touched.add(call.id());
			}
			try {
				this.live.update(CallFields.idTerm(call.id()), CallFields.document(call, this.rates, this.facets));
				this.live.commit(this.appliedSeq);
				this.live.refresh();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot index call " + call.id(), ex);
			}
		}
	}

	@Override
	public Long appliedSeq() {
		return this.appliedSeq;
	}

	@Override
	public void apply(Map<Long, Optional<CallView>> calls, Long seq) {
		synchronized (this.writes) {
			if (this.touched != null) {
				this.touched.addAll(calls.keySet());
			}
			try {
				for (Map.Entry<Long, Optional<CallView>> call : calls.entrySet()) {
					if (call.getValue().isPresent()) {
						this.live.update(CallFields.idTerm(call.getKey()),
								CallFields.document(call.getValue().get(), this.rates, this.facets));
					}
					else {
						this.live.delete(CallFields.idTerm(call.getKey()));
					}
				}
				if (seq != null) {
					this.appliedSeq = seq;
				}
				this.live.commit(this.appliedSeq);
				if (!calls.isEmpty()) {
					this.live.refresh();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot apply changes up to seq " + seq + " to the index", ex);
			}
		}
	}

	/**
	 * Starts a rebuild: a new, empty generation that {@link #load} fills. Calls indexed
	 * from now on are remembered and re-read before the swap, so none is lost or stale.
	 */
	IndexGeneration beginRebuild() {
		synchronized (this.writes) {
			if (this.touched != null) {
				throw new IllegalStateException("A rebuild is already running");
			}
			try {
				IndexGeneration next = IndexGeneration
					.create(this.root.resolve(GENERATION_PREFIX + System.currentTimeMillis()), this.searchers);
				this.touched = new HashSet<>();
				return next;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create a new index generation", ex);
			}
		}
	}

	/** Adds calls to a generation being rebuilt; safe from several threads. */
	void load(IndexGeneration target, List<CallView> calls) {
		try {
			for (CallView call : calls) {
				target.add(CallFields.document(call, this.rates, this.facets));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot index calls", ex);
		}
	}

	/**
	 * Re-indexes the calls that changed during the rebuild, commits the new generation
	 * and makes it the live one: searches move over with their next query.
	 */
	void completeRebuild(IndexGeneration next, LongFunction<Optional<CallView>> reread) {
		IndexGeneration previous;
		synchronized (this.writes) {
			try {
				for (Long id : this.touched) {
					Optional<CallView> call = reread.apply(id);
					if (call.isPresent()) {
						next.update(CallFields.idTerm(id), CallFields.document(call.get(), this.rates, this.facets));
					}
					else {
						next.delete(CallFields.idTerm(id));
					}
				}
				// The changes the follower applied while the rebuild ran are in it (read
				// from the database, or re-read just now), so it stands where the live
				// one
				// does.
				next.commit(this.appliedSeq);
				next.refresh();
				next.liveBuffer();
				writeCurrent(next.name());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot complete the rebuild", ex);
			}
			previous = this.live;
			this.live = next;
			this.touched = null;
			this.damage = null;
		}
		try {
			// Searches still holding a searcher of the old generation keep their open
			// files (reference-counted readers) until they release it.
			previous.delete();
		}
		catch (IOException ex) {
			log.warn("Old index generation {} not removed: {}", previous.name(), ex.toString());
		}
	}

	/** Drops a failed rebuild; the live generation never stopped answering. */
	void abortRebuild(IndexGeneration next) {
		synchronized (this.writes) {
			this.touched = null;
		}
		try {
			next.delete();
		}
		catch (IOException ex) {
			log.warn("Failed index generation {} not removed: {}", next.name(), ex.toString());
		}
	}

	/**
	 * A searcher of the live generation; release it with {@link Lease#close()}. Retries
	 * once the generation it picked was swapped out and closed in the meantime.
	 */
	Lease acquire() throws IOException {
		while (true) {
			IndexGeneration generation = this.live;
			try {
				return new Lease(generation, generation.acquire());
			}
			catch (AlreadyClosedException ex) {
				if (generation == this.live) {
					throw ex;
				}
			}
		}
	}

	int documentCount() {
		return this.live.documentCount();
	}

	String generation() {
		return this.live.name();
	}

	long sizeInBytes() {
		return this.live.sizeInBytes();
	}

	/**
	 * Merges still running after a rebuild; a benchmark waits for them to measure
	 * searches.
	 */
	boolean merging() {
		return this.live.merging();
	}

	int segmentCount() {
		return this.live.segmentCount();
	}

	void markReady() {
		this.ready = true;
	}

	boolean isReady() {
		return this.ready && this.damage == null && this.live.isOpen();
	}

	/**
	 * Checks the live generation on disk (under the write lock, so a commit never races
	 * the check); what is wrong is kept until a rebuild replaces the generation.
	 * @return what is wrong, or null when the index is sound
	 */
	String check() {
		synchronized (this.writes) {
			if (this.damage != null) {
				return this.damage;
			}
			IndexGeneration generation = this.live;
			String problem = null;
			try {
				generation.verify();
				if (generation.path() != null && !generation.name().equals(readCurrent())) {
					problem = "el archivo CURRENT de " + this.root + " ya no nombra la generación " + generation.name();
				}
			}
			catch (IOException | RuntimeException ex) {
				problem = "el índice " + generation.name() + " ya no se puede leer (" + ex + ")";
			}
			this.damage = problem;
			return problem;
		}
	}

	/** What the last check found wrong, or null. */
	String damage() {
		return this.damage;
	}

	Path path() {
		return this.root;
	}

	java.time.Duration checkInterval() {
		return this.checkInterval;
	}

	private String readCurrent() throws IOException {
		Path file = this.root.resolve(CURRENT);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		String name = Files.readString(file, StandardCharsets.UTF_8).strip();
		return name.startsWith(GENERATION_PREFIX) && Files.isDirectory(this.root.resolve(name)) ? name : null;
	}

	/** Write, then rename over: a crash leaves either the old name or the new one. */
	private void writeCurrent(String name) throws IOException {
		Path temp = this.root.resolve(CURRENT + ".tmp");
		Files.writeString(temp, name, StandardCharsets.UTF_8);
		Files.move(temp, this.root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Removes generations a crash left behind and the files of the one-folder layout of
	 * earlier versions.
	 */
	private void removeLeftovers(String keep) throws IOException {
		try (Stream<Path> entries = Files.list(this.root)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (Files.isDirectory(entry) && name.startsWith(GENERATION_PREFIX) && !name.equals(keep)) {
					IndexGeneration.deleteTree(entry);
				}
				else if (Files.isRegularFile(entry)
						&& (name.startsWith("segments") || name.startsWith("_") || name.equals("write.lock"))) {
					Files.deleteIfExists(entry);
				}
			}
		}
	}

	@Override
	public void destroy() throws IOException {
		synchronized (this.writes) {
			this.live.close();
		}
		if (this.sliceThreads != null) {
			this.sliceThreads.shutdownNow();
		}
	}

	/** A searcher on loan from one generation. */
	static final class Lease implements AutoCloseable {

		private final IndexGeneration generation;

		private final IndexGeneration.FacetedSearcher searcher;

		Lease(IndexGeneration generation, IndexGeneration.FacetedSearcher searcher) {
			this.generation = generation;
			this.searcher = searcher;
		}

		IndexGeneration.FacetedSearcher searcher() {
			return this.searcher;
		}

		@Override
		public void close() throws IOException {
			this.generation.release(this.searcher);
		}

	}

}
