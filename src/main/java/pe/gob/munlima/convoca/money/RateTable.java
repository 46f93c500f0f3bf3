package pe.gob.munlima.convoca.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One table of exchange rates: USD for one unit of each currency. Every conversion goes
 * through USD, so PEN to USD and USD to PEN agree.
 *
 * @param date the day the rates were taken (and the table holds from)
 * @param reference where they come from (a URL), or null
 * @param usdPerUnit USD for one unit of each currency, by ISO 4217 code
 */
public record RateTable(LocalDate date, String reference, Map<String, BigDecimal> usdPerUnit) {

	public RateTable {
		usdPerUnit = usdPerUnit == null ? Map.of() : Map.copyOf(usdPerUnit);
	}

	/**
	 * USD for one unit of {@code currency}, or empty when the table has no rate for it.
	 */
	public Optional<BigDecimal> usdPerUnit(String currency) {
		return currency == null ? Optional.empty()
				: Optional.ofNullable(this.usdPerUnit.get(currency.toUpperCase(Locale.ROOT)));
	}

	/**
	 * {@code amount} of {@code from} in {@code to}, unrounded (a caller that adds many
	 * amounts rounds the total once); empty when the amount is unknown or either currency
	 * has no rate.
	 */
	public Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
		if (amount == null) {
			return Optional.empty();
		}
		Optional<BigDecimal> fromRate = usdPerUnit(from);
		Optional<BigDecimal> toRate = usdPerUnit(to);
		if (fromRate.isEmpty() || toRate.isEmpty() || toRate.get().signum() == 0) {
			return Optional.empty();
		}
		return Optional.of(amount.multiply(fromRate.get()).divide(toRate.get(), MathContext.DECIMAL128));
	}

	/** {@code amount} of {@code currency} in USD, unrounded, or empty. */
	public Optional<BigDecimal> toUsd(BigDecimal amount, String currency) {
		if (amount == null) {
			return Optional.empty();
		}
		return usdPerUnit(currency).map(amount::multiply);
	}

	/**
	 * {@code amount} of {@code currency} in whole US dollars (half up), or empty: what
	 * buckets and filters compare.
	 */
	public OptionalLong wholeUsd(BigDecimal amount, String currency) {
		Optional<BigDecimal> usd = toUsd(amount, currency);
		return usd.isEmpty() ? OptionalLong.empty()
				: OptionalLong.of(usd.get().setScale(0, RoundingMode.HALF_UP).longValueExact());
	}

}
