package pe.gob.munlima.convoca.search;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The dated rate table, read from the {@code exchangeRates} section of
 * rules/parameters.yaml (the one table the rules use too, so a bucket and a verdict never
 * disagree): amounts are bucketed and filtered in USD so a call in euros and one in soles
 * land in the same "1–5 M" bucket. The date is part of the table because a bucket is only
 * as true as the rate it was computed with.
 *
 * @param date day the rates were taken
 * @param source where they come from
 * @param usdPerUnit USD for one unit of each currency (ISO 4217 code)
 */
record ExchangeRates(LocalDate date, String source, Map<String, BigDecimal> usdPerUnit) {

	ExchangeRates {
		usdPerUnit = usdPerUnit == null ? Map.of() : Map.copyOf(usdPerUnit);
	}

	static ExchangeRates load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			tools.jackson.databind.JsonNode section = YAMLMapper.builder().build().readTree(in).path("exchangeRates");
			if (section.isMissingNode()) {
				throw new IllegalStateException("Cannot read exchange rates " + file + ": no exchangeRates section");
			}
			// Dated tables (a table from each date on): the index buckets with the
			// latest,
			// the one in force now; the rules pick the one of the day they judge on.
			tools.jackson.databind.JsonNode table = section;
			String tableDate = section.path("date").asString();
			if (section.has("values")) {
				java.util.TreeMap<String, tools.jackson.databind.JsonNode> byDate = new java.util.TreeMap<>();
				section.get("values").properties().forEach(e -> byDate.put(e.getKey(), e.getValue()));
				if (!byDate.isEmpty()) {
					tableDate = byDate.lastKey();
					table = byDate.lastEntry().getValue();
				}
			}
			Map<String, BigDecimal> rates = new java.util.TreeMap<>();
			table.path("toUsd").properties().forEach(e -> rates.put(e.getKey(), e.getValue().decimalValue()));
			rates.forEach((currency, rate) -> {
				if (rate.signum() <= 0) {
					// The rules refuse the same file (RuleParameters); the index must not
					// bucket amounts with it either.
					throw new IllegalStateException("Cannot read exchange rates " + file + ": exchangeRates.toUsd."
							+ currency + " must be greater than 0, not " + rate.toPlainString());
				}
			});
			return new ExchangeRates(LocalDate.parse(tableDate), table.path("reference").asString(), rates);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read exchange rates " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Whole US dollars, or empty when the amount or its currency is unknown. */
	OptionalLong toUsd(BigDecimal amount, String currency) {
		if (amount == null || currency == null) {
			return OptionalLong.empty();
		}
		BigDecimal rate = this.usdPerUnit.get(currency.toUpperCase(Locale.ROOT));
		if (rate == null) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(amount.multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact());
	}

}
