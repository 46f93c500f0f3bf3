package pe.gob.munlima.convoca.call;

import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of reading/currencies.yaml: symbols, codes and words calls write for a
 * currency ("US$", "soles", "libras esterlinas", "€"), folded like the text they are
 * looked for in, to the ISO 4217 code. Codes are checked against the JDK's list, and a
 * name that means two currencies is refused, so a typo in the file fails at start-up
 * instead of reading amounts in the wrong currency.
 *
 * @param byName folded name to ISO 4217 code
 */
record CurrencyNames(Map<String, String> byName) {

	static CurrencyNames load(Path file) {
		CurrenciesFile parsed = YamlFiles.read(file, CurrenciesFile.class, "currencies");
		if (parsed == null || parsed.currencies() == null || parsed.currencies().isEmpty()) {
			throw new IllegalStateException("Cannot read currencies " + file + ": it lists no currencies:");
		}
		Map<String, String> byName = new LinkedHashMap<>();
		parsed.currencies().forEach((code, names) -> {
			if (!known(code) || names == null || names.isEmpty()) {
				throw new IllegalStateException(
						"Cannot read currencies " + file + ": " + code + " is not an ISO 4217 code with names");
			}
			for (String name : names) {
				String folded = TextFolding.fold(name);
				String before = byName.putIfAbsent(folded, code);
				if (folded.isEmpty() || "$".equals(folded) || (before != null && !before.equals(code))) {
					throw new IllegalStateException("Cannot read currencies " + file + ": \"" + name + "\" of " + code
							+ " is empty, a bare $ or names another currency too");
				}
			}
		});
		return new CurrencyNames(Map.copyOf(byName));
	}

	private static boolean known(String code) {
		try {
			return code != null && Currency.getInstance(code).getCurrencyCode().equals(code);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private record CurrenciesFile(Map<String, List<String>> currencies) {
	}

}
