package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One index folder with its writer and its near-real-time searchers. A rebuild writes a
 * new generation beside the live one and the two are swapped; searches that hold a
 * searcher of the old one finish on it.
 */
final class IndexGeneration implements AutoCloseable {

	/** Key of the schema version in the commit user data. */
	static final String SCHEMA_KEY = "convoca.schema";

	/**
	 * Key of the last change-log seq the commit holds. Kept with the documents it
	 * describes, in the same commit: an index restored from a copy, or left by a crash,
	 * says itself where to resume.
	 */
	static final String SEQ_KEY = "convoca.changeLogSeq";

	/** Live updates are small; a rebuild buffers more to write fewer, larger segments. */
	private static final double LIVE_BUFFER_MB = 32;

	static final double BULK_BUFFER_MB = 256;

	private final String name;

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private IndexGeneration(String name, Path path, Directory directory, IndexWriterConfig.OpenMode mode,
			double bufferMb, Searchers searchers) throws IOException {
		this.name = name;
		this.path = path;
		this.directory = directory;
		IndexWriterConfig config = new IndexWriterConfig(LanguageAnalysis.perField()).setOpenMode(mode)
			.setRAMBufferSizeMB(bufferMb)
			.setCommitOnClose(false);
		this.writer = new IndexWriter(directory, config);
		this.searchers = new SearcherManager(this.writer, new FacetedSearcherFactory(searchers));
	}

	/** Opens an existing generation for appending. */
	static IndexGeneration open(Path path, Searchers searchers) throws IOException {
		FSDirectory directory = FSDirectory.open(path);
		try {
			return new IndexGeneration(path.getFileName().toString(), path, directory,
					IndexWriterConfig.OpenMode.APPEND, LIVE_BUFFER_MB, searchers);
		}
		catch (IOException | RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	/** A new, empty generation on disk, buffered for bulk loading. */
	static IndexGeneration create(Path path, Searchers searchers) throws IOException {
		Files.createDirectories(path);
		return new IndexGeneration(path.getFileName().toString(), path, FSDirectory.open(path),
				IndexWriterConfig.OpenMode.CREATE, BULK_BUFFER_MB, searchers);
	}

	/**
	 * An empty index in memory that answers searches (with no hits) until the first
	 * rebuild from the database has been swapped in.
	 */
	static IndexGeneration empty(Searchers searchers) throws IOException {
		return new IndexGeneration("empty", null, new ByteBuffersDirectory(), IndexWriterConfig.OpenMode.CREATE,
				LIVE_BUFFER_MB, searchers);
	}

	/** The schema version of the last commit, or null when there is none. */
	static String schemaOf(Path path) throws IOException {
		try (FSDirectory directory = FSDirectory.open(path)) {
			if (!DirectoryReader.indexExists(directory)) {
				return null;
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				// Opening every segment reads their headers and checksums of the
				// commit: a truncated or garbled index fails here, not in a search.
				reader.numDocs();
				return reader.getIndexCommit().getUserData().getOrDefault(SCHEMA_KEY, "1");
			}
		}
	}

	void add(Document doc) throws IOException {
		this.writer.addDocument(doc);
	}

	void update(Term id, Document doc) throws IOException {
		this.writer.updateDocument(id, doc);
	}

	/**
	 * @param seq the change-log seq everything written so far reflects, or null when not
	 * known (a generation being loaded)
	 */
	void commit(Long seq) throws IOException {
		Map<String, String> data = seq == null ? Map.of(SCHEMA_KEY, CallFields.SCHEMA_VERSION)
				: Map.of(SCHEMA_KEY, CallFields.SCHEMA_VERSION, SEQ_KEY, Long.toString(seq));
		this.writer.setLiveCommitData(data.entrySet());
		this.writer.commit();
	}

	/** The change-log seq of the last commit, or null when it records none. */
	Long committedSeq() {
		Iterable<Map.Entry<String, String>> data = this.writer.getLiveCommitData();
		if (data != null) {
			for (Map.Entry<String, String> entry : data) {
				if (SEQ_KEY.equals(entry.getKey())) {
					return Long.valueOf(entry.getValue());
				}
			}
		}
		return null;
	}

	void delete(Term id) throws IOException {
		this.writer.deleteDocuments(id);
	}

	/** Makes everything written so far visible to the next search. */
	void refresh() throws IOException {
		this.searchers.maybeRefreshBlocking();
	}

	/** After a bulk load the generation goes live and takes small updates. */
	void liveBuffer() {
		this.writer.getConfig().setRAMBufferSizeMB(LIVE_BUFFER_MB);
	}

	FacetedSearcher acquire() throws IOException {
		return (FacetedSearcher) this.searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		this.searchers.release(searcher);
	}

	/** -1 when the writer was closed by a failure (a deleted folder, a full disk). */
	int documentCount() {
		try {
			return this.writer.getDocStats().numDocs;
		}
		catch (org.apache.lucene.store.AlreadyClosedException ex) {
			return -1;
		}
	}

	/** True while background merges of this generation run or are queued. */
	boolean merging() {
		return this.writer.hasPendingMerges() || !this.writer.getMergingSegments().isEmpty();
	}

	int segmentCount() {
		try {
			FacetedSearcher searcher = acquire();
			try {
				return searcher.getIndexReader().leaves().size();
			}
			finally {
				release(searcher);
			}
		}
		catch (IOException ex) {
			return -1;
		}
	}

	boolean isOpen() {
		return this.writer.isOpen();
	}

	/**
	 * Checks that the last commit can still be read from disk: the folder is there, its
	 * segments file parses (checksum included) and every file it names is readable. Open
	 * files keep answering on Linux after their folder was deleted, so searches alone
	 * would never notice.
	 * @throws IOException saying what is missing or unreadable
	 */
	void verify() throws IOException {
		if (this.path == null) {
			return;
		}
		if (!this.writer.isOpen()) {
			Throwable tragic = this.writer.getTragicException();
			throw new IOException("the index writer is closed" + (tragic == null ? "" : " (" + tragic + ")"));
		}
		if (!Files.isDirectory(this.path) || !Files.isReadable(this.path)) {
			throw new java.nio.file.NoSuchFileException(this.path.toString(), null, "folder missing or unreadable");
		}
		SegmentInfos commit = SegmentInfos.readLatestCommit(this.directory);
		for (String file : commit.files(true)) {
			if (!Files.isReadable(this.path.resolve(file))) {
				throw new java.nio.file.NoSuchFileException(this.path.resolve(file).toString(), null,
						"file of the last commit missing or unreadable");
			}
		}
	}

	String name() {
		return this.name;
	}

	Path path() {
		return this.path;
	}

	/** Bytes on disk; 0 for the in-memory placeholder. */
	long sizeInBytes() {
		if (this.path == null) {
			return 0;
		}
		try (Stream<Path> files = Files.list(this.path)) {
			return files.mapToLong(file -> file.toFile().length()).sum();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.searchers.close();
			this.writer.rollback();
		}
		finally {
			this.directory.close();
		}
	}

	/** Closes the generation and removes its folder. */
	void delete() throws IOException {
		close();
		if (this.path != null) {
			deleteTree(this.path);
		}
	}

	static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/**
	 * What every searcher of the index shares.
	 *
	 * @param facets the facet configuration the documents were built with
	 * @param executor runs the slices of one query in parallel, or null for one thread
	 */
	record Searchers(FacetsConfig facets, Executor executor) {
	}

	/**
	 * A searcher with the facet ordinals of its reader, built once per refresh rather
	 * than once per query.
	 */
	static final class FacetedSearcher extends IndexSearcher {

		/**
		 * Lucene's default puts up to 250k documents in one slice, so a 100k-call index
		 * would be searched by one thread; smaller slices let a query (and its facet
		 * counting) use both cores.
		 */
		private static final int SLICE_DOCS = 20_000;

		private static final int SLICE_SEGMENTS = 5;

		private final SortedSetDocValuesReaderState facetState;

		FacetedSearcher(IndexReader reader, Executor executor, SortedSetDocValuesReaderState facetState) {
			super(reader, executor);
			this.facetState = facetState;
		}

		@Override
		protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
			return slices(leaves, SLICE_DOCS, SLICE_SEGMENTS);
		}

		/** Null while no document has a facet (an empty index). */
		SortedSetDocValuesReaderState facetState() {
			return this.facetState;
		}

	}

	private static final class FacetedSearcherFactory extends SearcherFactory {

		private final Searchers searchers;

		FacetedSearcherFactory(Searchers searchers) {
			this.searchers = searchers;
		}

		@Override
		public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
			SortedSetDocValuesReaderState state = null;
			if (reader.leaves()
				.stream()
				.anyMatch(leaf -> leaf.reader()
					.getFieldInfos()
					.fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null)) {
				state = new DefaultSortedSetDocValuesReaderState(reader, this.searchers.facets());
			}
			return new FacetedSearcher(reader, this.searchers.executor(), state);
		}

	}

}
