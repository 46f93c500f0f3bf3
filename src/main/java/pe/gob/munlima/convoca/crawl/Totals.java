package pe.gob.munlima.convoca.crawl;

/** A listing's item count as a page writes it ("1658", "1,658 results", "714.0"). */
final class Totals {

	private Totals() {
	}

	static Long parse(String text) {
		if (text == null) {
			return null;
		}
		String digits = text.strip().replaceAll("\\.0+$", "").replaceAll("[^0-9]", "");
		if (digits.isEmpty() || digits.length() > 12) {
			return null;
		}
		return Long.parseLong(digits);
	}

}
