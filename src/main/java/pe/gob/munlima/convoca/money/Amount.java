package pe.gob.munlima.convoca.money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Money as given: an amount in an ISO 4217 currency.
 *
 * @param amount the amount, unrounded
 * @param currency the ISO 4217 code (PEN, USD, EUR ...)
 */
public record Amount(BigDecimal amount, String currency) {

	/**
	 * This amount in {@code currency}, unrounded, or empty when the table has no rate for
	 * either currency.
	 */
	public Optional<Amount> in(String currency, RateTable rates) {
		return rates.convert(this.amount, this.currency, currency).map(converted -> new Amount(converted, currency));
	}

}
