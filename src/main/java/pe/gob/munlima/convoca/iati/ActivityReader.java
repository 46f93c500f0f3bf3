package pe.gob.munlima.convoca.iati;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads IATI activity XML as a stream (StAX): only the activity being read is held in
 * memory, as a small tree, so a file of hundreds of megabytes costs the heap of one
 * activity. It reads the three shapes Convoca meets: an IATI 2.0x file
 * ({@code <iati-activities><iati-activity>} with {@code <narrative xml:lang>} texts), an
 * IATI 1.0x file (texts directly in the elements, roles and types as words: "Funding",
 * "C", "start-planned") and a Datastore v1 API response ({@code <result><ok>True</ok>
 * <iati-activities><query><total-count>}). Every code is kept in its 2.0x meaning.
 * <p>
 * Elements of other namespaces (publishers' extensions, the Datastore's
 * {@code iati-extra}) and elements Convoca does not use (policy markers, results,
 * document links) are skipped on purpose; the parts Convoca keeps are counted as read, so
 * the store can prove it kept them. Like the crawler's XML reader, the parser takes no
 * DTD and no external entity (a DOCTYPE is refused), and one activity may hold at most
 * {@value #MAX_ACTIVITY_ELEMENTS} elements and {@value #MAX_ACTIVITY_CHARS} characters.
 */
final class ActivityReader {

	/** Elements in one activity: a large one has a few thousand transactions. */
	static final int MAX_ACTIVITY_ELEMENTS = 500_000;

	static final int MAX_ACTIVITY_CHARS = 20_000_000;

	private static final String XML_NS = XMLConstants.XML_NS_URI;

	/** 1.0x transaction types (letters) in their 2.0x numbers. */
	private static final Map<String, String> TRANSACTION_TYPES = Map.of("IF", "1", "C", "2", "D", "3", "E", "4", "IR",
			"5", "LR", "6", "R", "7", "QP", "8", "QS", "9", "CG", "10");

	/** 1.0x organisation roles (words) in their 2.0x numbers. */
	private static final Map<String, String> ROLES = Map.of("funding", "1", "accountable", "2", "extending", "3",
			"implementing", "4");

	/** 1.0x activity date types in their 2.0x numbers. */
	private static final Map<String, String> DATE_TYPES = Map.of("start-planned", "1", "start-actual", "2",
			"end-planned", "3", "end-actual", "4");

	/** 1.0x sector vocabularies in their 2.0x numbers. */
	private static final Map<String, String> SECTOR_VOCABULARIES = Map.of("DAC", "1", "DAC-3", "2", "COFOG", "3",
			"NACE", "4", "NTEE", "5", "RO", "99", "RO2", "98");

	private final XMLInputFactory factory;

	ActivityReader() {
		this.factory = XMLInputFactory.newFactory();
		this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		this.factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		this.factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
	}

	/**
	 * Reads every activity of the stream and hands each over as soon as its end tag is
	 * read: an activity handed over stays handed over even if the file breaks later.
	 * @param origin where the stream comes from, for messages
	 * @throws IatiFormatException when the stream is not IATI XML, or breaks (with line
	 * and column)
	 */
	void read(InputStream in, String origin, Tally tally, Consumer<IatiActivity> sink) {
		XMLStreamReader xml = null;
		boolean seenRoot = false;
		try {
			xml = this.factory.createXMLStreamReader(in);
			Deque<Node> open = new ArrayDeque<>();
			Node activity = null;
			int elements = 0;
			long chars = 0;
			StringBuilder outside = new StringBuilder();
			String outsideName = null;
			while (xml.hasNext()) {
				int event = xml.next();
				switch (event) {
					case XMLStreamConstants.DTD -> throw new IatiFormatException(origin
							+ ": el XML declara un DOCTYPE; se rechaza (las entidades externas permitirían un ataque XXE)");
					case XMLStreamConstants.ENTITY_REFERENCE -> throw new IatiFormatException(
							origin + ": el XML usa la entidad no declarada &" + xml.getLocalName() + "; se rechaza");
					case XMLStreamConstants.START_ELEMENT -> {
						String name = xml.getLocalName();
						boolean foreign = xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty();
						if (!seenRoot) {
							seenRoot = true;
							if (!name.equals("iati-activities") && !name.equals("result")
									&& !name.equals("iati-activity")) {
								throw new IatiFormatException(origin
										+ ": no es un archivo de actividades IATI (empieza con <" + name
										+ ">, se esperaba <iati-activities> o la respuesta <result> del Datastore)");
							}
						}
						if (activity == null) {
							if (name.equals("iati-activity") && !foreign) {
								activity = new Node(name, attributes(xml, null));
								open.push(activity);
								elements = 1;
								chars = 0;
							}
							else {
								outsideName = name;
								outside.setLength(0);
							}
							continue;
						}
						if (++elements > MAX_ACTIVITY_ELEMENTS) {
							throw new IatiFormatException(origin + ": una actividad tiene más de "
									+ MAX_ACTIVITY_ELEMENTS + " elementos; se rechaza el archivo");
						}
						Node parent = open.peek();
						Node node = new Node(foreign ? null : name, attributes(xml, parent));
						if (parent.name != null && !foreign) {
							parent.children.add(node);
						}
						open.push(node);
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (activity != null) {
							Node node = open.peek();
							if (node.name != null) {
								chars += xml.getTextLength();
								if (chars > MAX_ACTIVITY_CHARS) {
									throw new IatiFormatException(origin + ": una actividad tiene más de "
											+ MAX_ACTIVITY_CHARS + " caracteres de texto; se rechaza el archivo");
								}
								node.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
							}
						}
						else if (outsideName != null && outside.length() < 1000) {
							outside.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (activity == null) {
							outside(xml.getLocalName(), outside.toString().strip(), origin, tally);
							outsideName = null;
							continue;
						}
						Node closed = open.pop();
						if (closed == activity) {
							activity(activity, origin, tally, sink);
							activity = null;
						}
					}
					default -> {
						// Comments, processing instructions (a stylesheet), document end.
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw invalid(origin, ex);
		}
		catch (RuntimeException ex) {
			// Aalto, the StAX parser here, reports some breaks (a file cut in a text)
			// unchecked, from hasNext().
			if (ex.getCause() instanceof XMLStreamException cause) {
				throw invalid(origin, cause);
			}
			throw ex;
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ex) {
					// Closing a reader that already failed; the failure was reported.
				}
			}
		}
		if (!seenRoot) {
			throw new IatiFormatException(origin + ": el archivo está vacío");
		}
	}

	private static IatiFormatException invalid(String origin, XMLStreamException ex) {
		return new IatiFormatException(origin + ": el XML no es válido ("
				+ ex.getMessage().replaceAll("\\s+", " ").strip() + "); se conserva lo ya guardado", ex);
	}

	/** What a Datastore response says outside the activities. */
	private static void outside(String name, String text, String origin, Tally tally) {
		if (name.equals("total-count") && text.matches("\\d{1,18}")) {
			tally.total(Long.parseLong(text));
		}
		else if (name.equals("ok") && text.equalsIgnoreCase("false")) {
			throw new IatiFormatException(origin + ": el Datastore respondió ok=False (consulta rechazada)");
		}
	}

	private void activity(Node node, String origin, Tally tally, Consumer<IatiActivity> sink) {
		Node id = node.child("iati-identifier");
		String identifier = id == null ? null : id.text().strip();
		IatiActivity activity = new Mapping(node, origin, tally).activity(identifier);
		tally.read(activity);
		if (identifier == null || identifier.isEmpty()) {
			tally.problem(origin + ": una actividad sin iati-identifier («" + first(activity.titles())
					+ "») no se guarda: sin identificador no se puede actualizar después");
			return;
		}
		sink.accept(activity);
	}

	private static String first(List<IatiActivity.Text> texts) {
		return texts.isEmpty() ? "sin título" : texts.get(0).text();
	}

	/**
	 * The element's attributes by local name; {@code xml:lang} is inherited from the
	 * parent, as XML says.
	 */
	private static Map<String, String> attributes(XMLStreamReader xml, Node parent) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			String ns = xml.getAttributeNamespace(i);
			String local = xml.getAttributeLocalName(i);
			if (XML_NS.equals(ns) && local.equals("lang")) {
				attributes.put("xml:lang", xml.getAttributeValue(i));
			}
			else if (ns == null || ns.isEmpty()) {
				attributes.put(local, xml.getAttributeValue(i));
			}
		}
		if (!attributes.containsKey("xml:lang") && parent != null && parent.attributes.get("xml:lang") != null) {
			attributes.put("xml:lang", parent.attributes.get("xml:lang"));
		}
		return attributes;
	}

	/**
	 * One element of the activity being read; name null for a skipped foreign element.
	 */
	static final class Node {

		final String name;

		final Map<String, String> attributes;

		final List<Node> children = new ArrayList<>(4);

		final StringBuilder text = new StringBuilder(0);

		Node(String name, Map<String, String> attributes) {
			this.name = name;
			this.attributes = attributes;
		}

		Node child(String name) {
			for (Node child : this.children) {
				if (name.equals(child.name)) {
					return child;
				}
			}
			return null;
		}

		List<Node> all(String name) {
			return this.children.stream().filter(child -> name.equals(child.name)).toList();
		}

		String text() {
			return this.text.toString();
		}

		String attribute(String name) {
			String value = this.attributes.get(name);
			return value == null || value.isBlank() ? null : value.strip();
		}

		/**
		 * The texts of a narrative-bearing element: its {@code narrative} children (2.0x)
		 * or its own text (1.0x), each in its language.
		 */
		List<IatiActivity.Text> narratives(String type) {
			List<IatiActivity.Text> texts = new ArrayList<>();
			for (Node narrative : all("narrative")) {
				String text = narrative.text().strip();
				if (!text.isEmpty()) {
					texts.add(new IatiActivity.Text(narrative.attribute("xml:lang"), text, type));
				}
			}
			String own = text().strip();
			if (texts.isEmpty() && !own.isEmpty()) {
				texts.add(new IatiActivity.Text(attribute("xml:lang"), own, type));
			}
			return texts;
		}

		String name() {
			List<IatiActivity.Text> texts = narratives(null);
			return texts.isEmpty() ? null : texts.get(0).text();
		}

	}

	/**
	 * Turns one activity's tree into an {@link IatiActivity}, noting unreadable values.
	 */
	private static final class Mapping {

		private final Node node;

		private final String origin;

		private final Tally tally;

		private String identifier;

		Mapping(Node node, String origin, Tally tally) {
			this.node = node;
			this.origin = origin;
			this.tally = tally;
		}

		IatiActivity activity(String identifier) {
			this.identifier = identifier;
			Node n = this.node;
			String currency = n.attribute("default-currency");
			List<IatiActivity.Text> titles = new ArrayList<>();
			n.all("title").forEach(title -> titles.addAll(title.narratives(null)));
			List<IatiActivity.Text> descriptions = new ArrayList<>();
			n.all("description")
				.forEach(description -> descriptions.addAll(description
					.narratives(description.attribute("type") == null ? "1" : description.attribute("type"))));
			Node status = n.child("activity-status");
			List<IatiActivity.Dated> dates = new ArrayList<>();
			for (Node date : n.all("activity-date")) {
				String type = date.attribute("type");
				dates.add(new IatiActivity.Dated(type == null ? null : DATE_TYPES.getOrDefault(type, type),
						date(date.attribute("iso-date") != null ? date.attribute("iso-date") : date.text().strip(),
								"activity-date")));
			}
			List<IatiActivity.Recipient> recipients = new ArrayList<>();
			List<IatiActivity.Sector> sectors = new ArrayList<>();
			recipients(n, null, recipients);
			sectors(n, null, sectors);
			List<IatiActivity.Transaction> transactions = new ArrayList<>();
			List<Node> transactionNodes = n.all("transaction");
			for (int i = 0; i < transactionNodes.size(); i++) {
				Node t = transactionNodes.get(i);
				transactions.add(transaction(t, currency));
				recipients(t, i, recipients);
				sectors(t, i, sectors);
			}
			List<IatiActivity.Budget> budgets = new ArrayList<>();
			for (Node b : n.all("budget")) {
				Node value = b.child("value");
				budgets.add(new IatiActivity.Budget(b.attribute("type"), b.attribute("status"),
						dateOf(b.child("period-start"), "budget/period-start"),
						dateOf(b.child("period-end"), "budget/period-end"), value(value, "budget/value"),
						currency(value, currency),
						value == null ? null : date(value.attribute("value-date"), "value-date")));
			}
			List<IatiActivity.Org> orgs = new ArrayList<>();
			for (Node org : n.all("participating-org")) {
				String role = org.attribute("role");
				orgs.add(new IatiActivity.Org(org.attribute("ref"), org.name(), org.attribute("type"),
						role == null ? null : ROLES.getOrDefault(role.toLowerCase(Locale.ROOT), role)));
			}
			return new IatiActivity(identifier, n.attribute("xml:lang"), currency,
					instant(n.attribute("last-updated-datetime")), n.attribute("hierarchy"),
					org(n.child("reporting-org")), orgs, titles, descriptions,
					status == null ? null : status.attribute("code"), dates, recipients, sectors, locations(n), budgets,
					transactions);
		}

		private void recipients(Node parent, Integer transaction, List<IatiActivity.Recipient> into) {
			for (Node child : parent.children) {
				if ("recipient-country".equals(child.name)) {
					into.add(new IatiActivity.Recipient(false, upper(child.attribute("code")), null, percentage(child),
							child.name(), transaction));
				}
				else if ("recipient-region".equals(child.name)) {
					String vocabulary = child.attribute("vocabulary");
					into.add(new IatiActivity.Recipient(true, child.attribute("code"),
							vocabulary == null ? "1" : vocabulary, percentage(child), child.name(), transaction));
				}
			}
		}

		private void sectors(Node parent, Integer transaction, List<IatiActivity.Sector> into) {
			for (Node sector : parent.all("sector")) {
				String vocabulary = sector.attribute("vocabulary");
				into.add(new IatiActivity.Sector(
						vocabulary == null ? "1" : SECTOR_VOCABULARIES.getOrDefault(vocabulary, vocabulary),
						sector.attribute("code"), percentage(sector), sector.name(), transaction));
			}
		}

		private List<IatiActivity.Location> locations(Node n) {
			List<IatiActivity.Location> locations = new ArrayList<>();
			for (Node l : n.all("location")) {
				List<String> administrative = new ArrayList<>();
				for (Node a : l.all("administrative")) {
					if (a.attribute("code") != null) {
						administrative
							.add(a.attribute("vocabulary") + ":" + a.attribute("level") + ":" + a.attribute("code"));
					}
					else {
						// 1.0x: <administrative country="PE" adm1="Lima" adm2="...">
						for (String level : List.of("country", "adm1", "adm2")) {
							if (a.attribute(level) != null) {
								administrative.add(level + ":" + a.attribute(level));
							}
						}
					}
				}
				BigDecimal latitude = null;
				BigDecimal longitude = null;
				Node point = l.child("point");
				Node coordinates = l.child("coordinates");
				if (point != null && point.child("pos") != null) {
					String[] pos = point.child("pos").text().strip().split("\\s+");
					if (pos.length == 2) {
						latitude = number(pos[0], "location/point/pos");
						longitude = number(pos[1], "location/point/pos");
					}
					else {
						problem("location/point/pos ilegible «" + point.child("pos").text().strip() + "»");
					}
				}
				else if (coordinates != null) {
					latitude = number(coordinates.attribute("latitude"), "location/coordinates");
					longitude = number(coordinates.attribute("longitude"), "location/coordinates");
				}
				Node name = l.child("name");
				Node description = l.child("description");
				Node exactness = l.child("exactness");
				Node reach = l.child("location-reach");
				Node feature = l.child("feature-designation");
				locations.add(new IatiActivity.Location(l.attribute("ref"), name == null ? null : name.name(),
						description == null ? null : description.name(), administrative, latitude, longitude,
						reach == null ? null : reach.attribute("code"),
						exactness == null ? null : exactness.attribute("code"),
						feature == null ? null : feature.attribute("code")));
			}
			return locations;
		}

		private IatiActivity.Transaction transaction(Node t, String defaultCurrency) {
			Node type = t.child("transaction-type");
			String code = type == null ? null : type.attribute("code");
			Node value = t.child("value");
			Node description = t.child("description");
			return new IatiActivity.Transaction(t.attribute("ref"),
					code == null ? null : TRANSACTION_TYPES.getOrDefault(code.toUpperCase(Locale.ROOT), code),
					dateOf(t.child("transaction-date"), "transaction-date"), value(value, "transaction/value"),
					currency(value, defaultCurrency),
					value == null ? null : date(value.attribute("value-date"), "transaction/value/@value-date"),
					org(t.child("provider-org")), org(t.child("receiver-org")),
					description == null ? null : description.name());
		}

		private static IatiActivity.Org org(Node org) {
			return org == null ? null
					: new IatiActivity.Org(org.attribute("ref"), org.name(), org.attribute("type"), null);
		}

		private static String currency(Node value, String defaultCurrency) {
			String currency = value == null ? null : value.attribute("currency");
			return currency != null ? currency.toUpperCase(Locale.ROOT) : defaultCurrency;
		}

		private static String upper(String code) {
			return code == null ? null : code.toUpperCase(Locale.ROOT);
		}

		private BigDecimal percentage(Node node) {
			return number(node.attribute("percentage"), node.name + "/@percentage");
		}

		private BigDecimal value(Node value, String where) {
			if (value == null) {
				return null;
			}
			return number(value.text().strip().replace(",", ""), where);
		}

		private BigDecimal number(String text, String where) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(text.strip());
			}
			catch (NumberFormatException ex) {
				problem(where + " ilegible «" + text + "» (se guarda sin ese valor)");
				return null;
			}
		}

		private LocalDate dateOf(Node node, String where) {
			if (node == null) {
				return null;
			}
			return date(node.attribute("iso-date") != null ? node.attribute("iso-date") : node.text().strip(), where);
		}

		private LocalDate date(String text, String where) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException ex) {
				problem(where + " ilegible «" + text + "» (se guarda sin esa fecha)");
				return null;
			}
		}

		private Instant instant(String text) {
			if (text == null) {
				return null;
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				try {
					return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException again) {
					LocalDate date = date(text, "last-updated-datetime");
					return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
				}
			}
		}

		private void problem(String message) {
			this.tally.problem(this.origin + ", actividad " + this.identifier + ": " + message);
		}

	}

}
