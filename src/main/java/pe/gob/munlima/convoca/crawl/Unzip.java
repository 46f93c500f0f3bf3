package pe.gob.munlima.convoca.crawl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zipped download (the Grants.gov XML extract is a zip holding one XML file) opened as
 * the stream of its first file, with a cap on the decompressed bytes: a zip bomb stops at
 * the cap instead of filling the disk or the heap. Anything else is returned as it is.
 */
final class Unzip {

	private Unzip() {
	}

	static InputStream maybe(InputStream raw, long maxBytes, String origin) throws IOException {
		BufferedInputStream in = new BufferedInputStream(raw);
		in.mark(4);
		byte[] magic = in.readNBytes(4);
		in.reset();
		if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
			return in;
		}
		ZipInputStream zip = new ZipInputStream(in);
		ZipEntry entry = zip.getNextEntry();
		while (entry != null && entry.isDirectory()) {
			entry = zip.getNextEntry();
		}
		if (entry == null) {
			throw new ExtractionException(origin + ": el archivo zip está vacío");
		}
		return new Capped(zip, maxBytes, origin + " (" + entry.getName() + ")");
	}

	/** Counts what is read and refuses to go past the cap. */
	private static final class Capped extends CountingStream {

		private final long max;

		private final String origin;

		private long count;

		Capped(InputStream in, long max, String origin) {
			super(in);
			this.max = max;
			this.origin = origin;
		}

		@Override
		void count(int n) {
			this.count += n;
			if (this.count > this.max) {
				throw new ExtractionException(
						this.origin + ": el contenido descomprimido supera " + this.max + " bytes; se rechaza");
			}
		}

	}

}
