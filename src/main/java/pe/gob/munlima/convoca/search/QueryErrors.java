package pe.gob.munlima.convoca.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the query parser's English, grammar-level message into one an analyst can act on,
 * in Spanish, keeping the column where the parser gave up.
 */
final class QueryErrors {

	private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

	private QueryErrors() {
	}

	static String explain(String query, Exception ex) {
		StringBuilder message = new StringBuilder("La búsqueda \"").append(query).append("\" no es válida");
		String detail = ex.getMessage() == null ? "" : ex.getMessage();
		Matcher column = COLUMN.matcher(detail);
		if (column.find()) {
			message.append(" (cerca del carácter ").append(column.group(1)).append(')');
		}
		message.append(": revise que paréntesis y comillas estén cerrados y que AND, OR y NOT tengan un término a")
			.append(" cada lado. Para buscar literalmente un signo como + - ! ( ) { } [ ] ^ \" ~ * ? : \\ /")
			.append(" escríbalo precedido de \\ o entre comillas.");
		return message.toString();
	}

}
