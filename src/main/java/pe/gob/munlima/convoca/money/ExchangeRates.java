package pe.gob.munlima.convoca.money;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The dated rate tables of the {@code exchangeRates} section of rules/parameters.yaml:
 * one table from each date on (OpenFisca's "a value from a date on").
 *
 * @param tables the table holding from each date on; never empty
 */
public record ExchangeRates(NavigableMap<LocalDate, RateTable> tables) {

	/** The section's key in rules/parameters.yaml. */
	public static final String SECTION = "exchangeRates";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public ExchangeRates {
		tables = Collections.unmodifiableNavigableMap(new TreeMap<>(tables));
		if (tables.isEmpty()) {
			throw new IllegalArgumentException("no rate table");
		}
	}

	/**
	 * The table in force on {@code day}: the latest whose date is not after it; before
	 * the first date, the first.
	 */
	public RateTable at(LocalDate day) {
		Map.Entry<LocalDate, RateTable> entry = day == null ? null : this.tables.floorEntry(day);
		return entry == null ? this.tables.firstEntry().getValue() : entry.getValue();
	}

	/** The table of the latest date: the one in force from then on. */
	public RateTable latest() {
		return this.tables.lastEntry().getValue();
	}

	/**
	 * Reads the {@code exchangeRates} section of a parameters file.
	 * @throws IllegalStateException naming the file when it cannot be read, has no such
	 * section or holds a rate that cannot be true
	 */
	public static ExchangeRates read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode section = YAML.readTree(in).path(SECTION);
			if (section.isMissingNode()) {
				throw new IllegalStateException("Cannot read exchange rates " + file + ": no exchangeRates section");
			}
			return YAML.treeToValue(section, Section.class).rates();
		}
		catch (InvalidRatesException ex) {
			throw new IllegalStateException("Cannot read exchange rates " + file + ": " + ex.getMessage(), ex);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read exchange rates " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The {@code exchangeRates} section as written: one table with its date, or tables by
	 * date under {@code values}, or both.
	 */
	public record Section(String description, LocalDate date, String reference, Map<String, BigDecimal> toUsd,
			Map<LocalDate, Table> values) {

		/**
		 * The tables, checked: at least one, each with rates, every rate above zero (a
		 * zero rate makes every amount in that currency 0 USD, and a division by zero the
		 * other way; a negative one makes it a debt).
		 * @throws InvalidRatesException naming every rate that cannot be true
		 */
		public ExchangeRates rates() {
			NavigableMap<LocalDate, Table> written = new TreeMap<>();
			if (this.date != null && this.toUsd != null) {
				written.put(this.date, new Table(this.reference, this.toUsd));
			}
			if (this.values != null) {
				written.putAll(this.values);
			}
			if (written.isEmpty() || written.values()
				.stream()
				.anyMatch(table -> table == null || table.toUsd() == null || table.toUsd().isEmpty())) {
				throw new InvalidRatesException(List.of(new InvalidRatesException.Problem(null,
						"exchangeRates.date and exchangeRates.toUsd (or exchangeRates.values, by date) are required")));
			}
			List<InvalidRatesException.Problem> problems = new ArrayList<>();
			written.values().forEach(table -> table.toUsd().forEach((currency, rate) -> {
				if (rate == null || rate.signum() <= 0) {
					problems.add(new InvalidRatesException.Problem(currency,
							"exchangeRates.toUsd." + currency + " must be greater than 0, not " + rate));
				}
			}));
			if (!problems.isEmpty()) {
				throw new InvalidRatesException(problems);
			}
			NavigableMap<LocalDate, RateTable> tables = new TreeMap<>();
			written.forEach((day, table) -> tables.put(day, new RateTable(day, table.reference(), table.toUsd())));
			return new ExchangeRates(tables);
		}

	}

	/** One table of {@code exchangeRates.values}, under its date. */
	public record Table(String reference, Map<String, BigDecimal> toUsd) {
	}

}
