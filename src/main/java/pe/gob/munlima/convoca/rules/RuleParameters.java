package pe.gob.munlima.convoca.rules;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import pe.gob.munlima.convoca.money.ExchangeRates;
import pe.gob.munlima.convoca.money.InvalidRatesException;
import pe.gob.munlima.convoca.money.RateTable;

/**
 * The tunable thresholds of {@code rules/parameters.yaml}: lead days, the dated
 * exchange-rate table, income groups and the regions of Lima's sister cities.
 *
 * @param rates the rate table in force (the one of the day asked for with {@link #at})
 */
public record RuleParameters(int leadDays, RateTable rates, Map<String, String> incomeGroups,
		Map<String, List<String>> sisterCityRegions, Dated dated) {

	/** Values that do not change with the date (built by hand: tests, tools). */
	public RuleParameters(int leadDays, LocalDate ratesDate, Map<String, BigDecimal> toUsd,
			Map<String, String> incomeGroups, Map<String, List<String>> sisterCityRegions) {
		this(leadDays, new RateTable(ratesDate, null, toUsd), incomeGroups, sisterCityRegions, null);
	}

	/**
	 * The values in force on {@code day}: for each dated parameter, the value of the
	 * latest date not after it (OpenFisca's "a value from a date on"); before the first
	 * date, the first value.
	 */
	public RuleParameters at(LocalDate day) {
		if (this.dated == null || day == null) {
			return this;
		}
		Map.Entry<LocalDate, Integer> lead = floor(this.dated.leadDays(), day);
		return new RuleParameters(lead.getValue(), this.dated.exchangeRates().at(day), this.incomeGroups,
				this.sisterCityRegions, this.dated);
	}

	/** The day the rates in force were taken. */
	public LocalDate ratesDate() {
		return this.rates.date();
	}

	/** USD for one unit of each currency, by the rates in force. */
	public Map<String, BigDecimal> toUsd() {
		return this.rates.usdPerUnit();
	}

	private static <T> Map.Entry<LocalDate, T> floor(NavigableMap<LocalDate, T> values, LocalDate day) {
		Map.Entry<LocalDate, T> entry = values.floorEntry(day);
		return entry == null ? values.firstEntry() : entry;
	}

	/**
	 * The dated values of the file.
	 *
	 * @param leadDays lead days from each date on
	 * @param exchangeRates the rate table from each date on
	 */
	public record Dated(NavigableMap<LocalDate, Integer> leadDays, ExchangeRates exchangeRates) {

		public Dated {
			leadDays = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(leadDays));
		}

		/** The rate table from each date on. */
		public NavigableMap<LocalDate, RateTable> rates() {
			return this.exchangeRates.tables();
		}

	}

	static final String FILE = "parameters.yaml";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** Reads the file of a rule folder; a missing file gives the built-in defaults. */
	static RuleParameters read(Path dir) {
		Path file = dir.resolve(FILE);
		if (!Files.exists(file)) {
			return new RuleParameters(30, LocalDate.of(2026, 11, 1), Map.of("USD", BigDecimal.ONE),
					Map.of("PE", "UPPER_MIDDLE"), Map.of());
		}
		try {
			return parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new RuleSetRejectedException(List.of(new RuleError(FILE, 0, ex.getMessage())));
		}
	}

	static RuleParameters parse(String yaml) {
		try (InputStream in = new java.io.ByteArrayInputStream(
				yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
			File parsed = YAML.readValue(in, File.class);
			NavigableMap<LocalDate, Integer> lead = parsed.leadDays() == null ? new TreeMap<>()
					: parsed.leadDays().dated();
			if (lead.isEmpty() || lead.values().stream().anyMatch(days -> days == null || days < 0)) {
				throw new RuleSetRejectedException(List
					.of(new RuleError(FILE, 0, "leadDays.value (or every leadDays.values entry) must be >= 0")));
			}
			if (parsed.exchangeRates() == null) {
				throw new RuleSetRejectedException(List.of(new RuleError(FILE, 0,
						"exchangeRates.date and exchangeRates.toUsd (or exchangeRates.values, by date) are required")));
			}
			ExchangeRates tables;
			try {
				tables = parsed.exchangeRates().rates();
			}
			catch (InvalidRatesException ex) {
				throw new RuleSetRejectedException(ex.problems()
					.stream()
					.map(problem -> new RuleError(FILE,
							problem.currency() == null ? 0 : lineOf(yaml, problem.currency()), problem.message()))
					.toList());
			}
			Dated dated = new Dated(lead, tables);
			// Until a caller asks for a day, the latest values hold.
			return new RuleParameters(0, tables.latest(),
					parsed.incomeGroups() == null ? Map.of() : Map.copyOf(parsed.incomeGroups().countries()),
					parsed.sisterCities() == null ? Map.of() : Map.copyOf(parsed.sisterCities().regions()), dated)
				.at(LocalDate.MAX);
		}
		catch (JacksonException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			throw new RuleSetRejectedException(List.of(new RuleError(FILE, line, ex.getOriginalMessage())));
		}
		catch (IOException ex) {
			throw new RuleSetRejectedException(List.of(new RuleError(FILE, 0, ex.getMessage())));
		}
	}

	/** The line of the first "KEY:" in the file, or 0. */
	private static int lineOf(String yaml, String key) {
		String[] lines = yaml.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].strip().startsWith(key + ":")) {
				return i + 1;
			}
		}
		return 0;
	}

	/**
	 * The amount in USD, or empty when the currency is not in the table (a double: what
	 * the rules compare).
	 */
	public Optional<Double> toUsd(BigDecimal amount, String currency) {
		return this.rates.toUsd(amount, currency).map(BigDecimal::doubleValue);
	}

	/**
	 * {@code amount} of currency {@code from} in currency {@code to}, through the USD
	 * rates of the dated table (so PEN to USD and USD to PEN agree), unrounded: a caller
	 * that adds many amounts rounds the total once. Empty when either currency is not in
	 * the table.
	 */
	public Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
		return this.rates.convert(amount, from, to);
	}

	/** Sister cities grouped by the regions they belong to. */
	public Map<String, List<String>> sisterCitiesByRegion(List<String> sisterCities) {
		Map<String, List<String>> byRegion = new LinkedHashMap<>();
		for (String city : sisterCities) {
			for (String region : this.sisterCityRegions.getOrDefault(city, List.of())) {
				byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(city);
			}
		}
		return byRegion;
	}

	/** Regions of a list of partner cities, as far as the table knows them. */
	public List<String> regionsOf(List<String> partners) {
		return partners.stream()
			.flatMap(p -> this.sisterCityRegions.getOrDefault(p, List.of()).stream())
			.distinct()
			.toList();
	}

	/** A parameter with one value, or with values from dates on. */
	record Described<T>(String description, T value, Map<LocalDate, T> values) {

		NavigableMap<LocalDate, T> dated() {
			NavigableMap<LocalDate, T> dated = new TreeMap<>();
			if (this.value != null) {
				dated.put(LocalDate.MIN, this.value);
			}
			if (this.values != null) {
				dated.putAll(this.values);
			}
			return dated;
		}

	}

	record Groups(String description, String reference, Map<String, String> countries) {
	}

	record Cities(String description, Map<String, List<String>> regions) {
	}

	record File(Described<Integer> leadDays, ExchangeRates.Section exchangeRates, Groups incomeGroups,
			Cities sisterCities) {
	}

}
