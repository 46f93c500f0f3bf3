package pe.gob.munlima.convoca.call;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the money a call states, sentence by sentence: the grant range (the first
 * statement of each end wins; a later sentence may add the end the first one left open,
 * "Award Ceiling: $15,000,000" then "Award Floor: $300,000") and the whole call's budget
 * ("Estimated Total Program Funding", "presupuesto total"), all in one currency: a
 * sentence in another currency is ignored rather than mixed in.
 */
final class MoneyReader {

	/**
	 * The whole call's budget, as opposed to one grant's size. "maximum total project
	 * funding that any single applicant can receive" is not one of them.
	 */
	private static final Pattern TOTAL = Pattern.compile("(?<![\\p{L}])(?:total funding|total potential funding|"
			+ "total program funding|total programme funding|total budget|budget of the call|a total of|in total|"
			+ "presupuesto total|financiamiento total|monto total|valor total|bolsa concursable|dotacion total|"
			+ "financement total|budget total|enveloppe|orcamento total|dotacao total|overall indicative amount|"
			+ "indicative amount|cuenta con un presupuesto|dispone de un presupuesto|presupuesto de la convocatoria|"
			+ "dotacion inicial|dotacao inicial|repartira|will compete for|compete for|made available|disponibilizados|"
			+ "ha financiado|has funded|to date|hasta la fecha|ate hoje|jusqu'a present|"
			+ "a disposicion|en total|au total|no total)(?![\\p{L}])");

	private final AmountParser amounts;

	private final String dollar;

	private BigDecimal min;

	private BigDecimal max;

	private BigDecimal total;

	private String currency;

	/**
	 * @param amounts the parser with the vocabulary's currency names
	 * @param dollar what a bare "$" means for the source, or null
	 */
	MoneyReader(AmountParser amounts, String dollar) {
		this.amounts = amounts;
		this.dollar = dollar;
	}

	/**
	 * Reads one sentence; its evidence goes under "amountMin" and "amountMax", or
	 * "totalBudget".
	 * @param folded the sentence folded ({@link TextFolding})
	 */
	void read(String sentence, String folded, Map<String, String> evidence) {
		this.amounts.parse(folded, this.dollar).ifPresent(found -> {
			if (this.currency != null && !this.currency.equals(found.currency())) {
				return;
			}
			if (TOTAL.matcher(folded).find()) {
				if (this.total == null) {
					this.total = found.max() != null ? found.max() : found.min();
					this.currency = found.currency();
					evidence.putIfAbsent("totalBudget", sentence);
				}
				return;
			}
			if ((this.min == null && found.min() != null) || (this.max == null && found.max() != null)) {
				this.min = this.min != null ? this.min : found.min();
				this.max = this.max != null ? this.max : found.max();
				this.currency = found.currency();
				evidence.putIfAbsent("amountMin", sentence);
				evidence.putIfAbsent("amountMax", sentence);
			}
		});
	}

	/** The grant range, or null when no sentence stated one. */
	AmountParser.Amounts amounts() {
		return this.currency == null ? null : new AmountParser.Amounts(this.min, this.max, this.currency);
	}

	BigDecimal total() {
		return this.total;
	}

}
