package pe.gob.munlima.convoca.crawl;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reports every byte it reads to {@link #count(int)}, where a cap is
 * enforced (bytes of a zip entry, of one XML token, of a document's text part): the one
 * place where "how much have we read" is counted, so no reader can forget a path.
 */
abstract class CountingStream extends FilterInputStream {

	CountingStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	/** Called with the bytes just read; throws to stop reading past a cap. */
	abstract void count(int n) throws IOException;

}
