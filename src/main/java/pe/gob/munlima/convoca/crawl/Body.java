package pe.gob.munlima.convoca.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fetched response body: in memory when small, in a temporary file when large (a
 * Grants.gov extract), so a big download never sits whole in the heap. Close it to delete
 * the file.
 */
final class Body implements AutoCloseable {

	private final byte[] bytes;

	private final Path file;

	private Body(byte[] bytes, Path file) {
		this.bytes = bytes;
		this.file = file;
	}

	static Body of(byte[] bytes) {
		return new Body(bytes, null);
	}

	static Body spooled(Path file) {
		return new Body(null, file);
	}

	InputStream open() {
		if (this.bytes != null) {
			return new ByteArrayInputStream(this.bytes);
		}
		try {
			return Files.newInputStream(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The temporary file holding a large body, or null when it is in memory: a PDF is
	 * read from it by random access instead of being loaded whole.
	 */
	Path file() {
		return this.file;
	}

	/** The whole body; for kinds read in memory, whose size the fetch cap bounds. */
	byte[] bytes() {
		if (this.bytes != null) {
			return this.bytes;
		}
		try {
			return Files.readAllBytes(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.file != null) {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				// A temporary file left behind is removed with the temp folder.
			}
		}
	}

}
