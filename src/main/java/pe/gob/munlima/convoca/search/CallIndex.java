package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallView;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of calls: one writer, and a {@link SearcherManager} that hands out
 * searchers refreshed after every write, so a stored call is searchable as soon as it is
 * indexed. The index can always be thrown away: the database is the source of truth.
 */
@Component
class CallIndex implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CallIndex.class);

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** True when the folder held no usable index and was created afresh. */
	private final boolean recreated;

	private volatile boolean ready;

	CallIndex(SearchProperties properties) throws IOException {
		this.path = properties.dataDir();
		Files.createDirectories(this.path);
		this.directory = FSDirectory.open(this.path);
		boolean usable = isUsable(this.directory);
		if (!usable) {
			wipe(this.path);
		}
		this.recreated = !usable;
		IndexWriterConfig config = new IndexWriterConfig(CallFields.analyzer())
			.setOpenMode(usable ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
		this.writer = new IndexWriter(this.directory, config);
		this.writer.commit();
		this.searchers = new SearcherManager(this.writer, new SearcherFactory());
	}

	private static boolean isUsable(Directory directory) {
		try {
			if (!DirectoryReader.indexExists(directory)) {
				return false;
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				return reader.numDocs() >= 0;
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search index is unreadable ({}); it will be rebuilt from the database", ex.toString());
			return false;
		}
	}

	private static void wipe(Path path) throws IOException {
		try (Stream<Path> files = Files.list(path)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	boolean recreated() {
		return this.recreated;
	}

	/** Adds or replaces one call and makes it visible to the next search. */
	void index(CallView call) {
		try {
			this.writer.updateDocument(new Term(CallFields.ID, Long.toString(call.id())), CallFields.document(call));
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot index call " + call.id(), ex);
		}
	}

	/** Adds a batch without committing; {@link #commit()} ends a rebuild. */
	void add(List<CallView> calls) {
		try {
			for (CallView call : calls) {
				this.writer.updateDocument(new Term(CallFields.ID, Long.toString(call.id())),
						CallFields.document(call));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot index calls", ex);
		}
	}

	void deleteAll() {
		try {
			this.writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void commit() {
		try {
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int documentCount() {
		return this.writer.getDocStats().numDocs;
	}

	IndexSearcher acquire() throws IOException {
		return this.searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		this.searchers.release(searcher);
	}

	void markReady() {
		this.ready = true;
	}

	boolean isReady() {
		return this.ready && this.writer.isOpen();
	}

	Path path() {
		return this.path;
	}

	@Override
	public void destroy() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

}
