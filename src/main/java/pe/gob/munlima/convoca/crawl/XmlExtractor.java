package pe.gob.munlima.convoca.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Large XML documents read as a stream with StAX: only the record being read is held in
 * memory ({@link XmlNode}), so a Grants.gov extract of hundreds of megabytes costs the
 * heap of one opportunity. A zipped download is opened as its first file, with a cap on
 * the decompressed size. The parser is hardened as OWASP's XXE sheet says: no DTD, no
 * external entities; a document that declares a DOCTYPE is refused with a clear error
 * before any entity could be read.
 * <p>
 * A hostile document (an XML zip bomb) cannot fill the heap either: a record holds at
 * most {@value #MAX_RECORD_ELEMENTS} elements and {@value #MAX_RECORD_CHARS} characters,
 * and the parser may read at most {@value #MAX_TOKEN_BYTES} bytes for one token (a text,
 * a comment, a tag) — past any of these the page is refused with a clear error, as a
 * zipped page past its decompression cap is.
 */
final class XmlExtractor implements Extractor {

	/** Elements in one record: a Grants.gov opportunity has about forty. */
	static final int MAX_RECORD_ELEMENTS = 10_000;

	/**
	 * Characters of text in one record: a long call description is a few ten thousand.
	 */
	static final int MAX_RECORD_CHARS = 2_000_000;

	/** Bytes the parser may read without producing one event (one token). */
	static final int MAX_TOKEN_BYTES = 8 * 1024 * 1024;

	private final XMLInputFactory factory;

	private final Map<String, XmlPath> paths = new ConcurrentHashMap<>();

	XmlExtractor() {
		this.factory = XMLInputFactory.newFactory();
		this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		this.factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		// Text arrives in pieces and is appended: nothing asks the parser to join a huge
		// text into one string.
		this.factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		trySet(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		trySet(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
	}

	private void trySet(String property, Object value) {
		try {
			this.factory.setProperty(property, value);
		}
		catch (IllegalArgumentException ex) {
			// Not every StAX implementation knows these; the two switches above suffice.
		}
	}

	@Override
	public PageInfo read(Body body, Reading reading, Consumer<Item> sink) {
		Set<String> records = reading.items() == null ? Set.of() : Set.of(reading.items().split("\\|"));
		try (InputStream raw = body.open();
				TokenGuard in = new TokenGuard(
						Unzip.maybe(raw, reading.maxUncompressedBytes(), reading.base().toString()),
						reading.base().toString())) {
			XMLStreamReader xml = this.factory.createXMLStreamReader(in);
			try {
				stream(xml, records, sink, reading, in);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new ExtractionException(
					reading.base() + ": el XML no es válido (" + ex.getMessage().replaceAll("\\s+", " ").strip() + ")",
					ex);
		}
		catch (IOException ex) {
			throw new ExtractionException(reading.base() + ": " + ex.getMessage(), ex);
		}
		return PageInfo.NONE;
	}

	private void stream(XMLStreamReader xml, Set<String> records, Consumer<Item> sink, Reading reading,
			TokenGuard guard) throws XMLStreamException {
		Deque<XmlNode> open = new ArrayDeque<>();
		int elements = 0;
		long chars = 0;
		while (xml.hasNext()) {
			int event = xml.next();
			guard.eventSeen();
			switch (event) {
				case XMLStreamConstants.DTD -> throw new ExtractionException(reading.base()
						+ ": el XML declara un DOCTYPE; se rechaza (las entidades externas permitirían un ataque XXE)");
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new ExtractionException(reading.base()
						+ ": el XML usa la entidad no declarada &" + xml.getLocalName() + "; se rechaza");
				case XMLStreamConstants.START_ELEMENT -> {
					String name = xml.getLocalName();
					if (open.isEmpty() && !records.isEmpty() && !records.contains(name)) {
						continue;
					}
					elements = open.isEmpty() ? 1 : elements + 1;
					chars = open.isEmpty() ? 0 : chars;
					if (elements > MAX_RECORD_ELEMENTS) {
						throw new ExtractionException(reading.base() + ": un registro <" + open.getLast().name
								+ "> tiene más de " + MAX_RECORD_ELEMENTS + " elementos; se rechaza");
					}
					XmlNode node = new XmlNode(name);
					for (int i = 0; i < xml.getAttributeCount(); i++) {
						String local = xml.getAttributeLocalName(i);
						String prefix = xml.getAttributePrefix(i);
						node.attributes.put(local, xml.getAttributeValue(i));
						if (prefix != null && !prefix.isEmpty()) {
							node.attributes.put(prefix + ":" + local, xml.getAttributeValue(i));
						}
					}
					if (!open.isEmpty()) {
						open.peek().children.add(node);
					}
					open.push(node);
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (!open.isEmpty()) {
						chars += xml.getTextLength();
						if (chars > MAX_RECORD_CHARS) {
							throw new ExtractionException(reading.base() + ": un registro <" + open.getLast().name
									+ "> tiene más de " + MAX_RECORD_CHARS + " caracteres de texto; se rechaza");
						}
						open.peek().append(xml.getText());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					if (!open.isEmpty()) {
						XmlNode closed = open.pop();
						if (open.isEmpty()) {
							sink.accept(new XmlItem(closed));
						}
					}
				}
				default -> {
					// Comments, processing instructions and the document's end carry no
					// data.
				}
			}
		}
	}

	@Override
	public String check(String locator) {
		try {
			XmlPath.compile(locator);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "ruta XML inválida: " + ex.getMessage();
		}
	}

	/** Record element names, several separated by "|". */
	@Override
	public String checkItems(String locator) {
		for (String name : locator.split("\\|")) {
			if (!name.strip().matches("[A-Za-z_][\\w.:-]*")) {
				return "nombre de elemento inválido en items: '" + name + "' (varios se separan con |)";
			}
		}
		return null;
	}

	/**
	 * Counts the bytes the parser reads between two events: a single token of megabytes
	 * (a zip bomb's one endless text) is refused before the parser has built it.
	 */
	private static final class TokenGuard extends CountingStream {

		private final String origin;

		private long sinceEvent;

		TokenGuard(InputStream in, String origin) {
			super(in);
			this.origin = origin;
		}

		void eventSeen() {
			this.sinceEvent = 0;
		}

		@Override
		void count(int n) {
			this.sinceEvent += n;
			if (this.sinceEvent > MAX_TOKEN_BYTES) {
				throw new ExtractionException(this.origin + ": el XML tiene un elemento, texto o comentario de más de "
						+ MAX_TOKEN_BYTES + " bytes; se rechaza");
			}
		}

	}

	private final class XmlItem implements Item {

		private final XmlNode node;

		XmlItem(XmlNode node) {
			this.node = node;
		}

		@Override
		public List<String> select(String locator, boolean markup) {
			return XmlExtractor.this.paths.computeIfAbsent(locator, XmlPath::compile)
				.find(this.node)
				.stream()
				.filter(value -> !value.isBlank())
				.toList();
		}

	}

}
