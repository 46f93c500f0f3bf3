package pe.gob.munlima.convoca.iati;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What donors fund, from the stored IATI activities: for the donor pages and the ranking
 * of whom to approach. A funder is recognised by index/iati-organisations.yaml (its
 * reporting organisation, or a participating organisation with role 1, Funding); a name
 * or identifier it does not list is looked up as given.
 */
@Service
public class IatiActivities {

	/** Activities read for one answer at most: a donor's whole portfolio in a region. */
	static final int MAX_ACTIVITIES = 20_000;

	private static final String NONE = "#none#";

	private static final TypeReference<List<Map<String, String>>> TEXTS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final IatiCatalogue catalogue;

	private final JsonMapper json = JsonMapper.builder().build();

	IatiActivities(NamedParameterJdbcTemplate jdbc, IatiCatalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	/** The Latin-American recipient countries Convoca knows (index/iati/codes.yaml). */
	public Set<String> latinAmericanCountries() {
		return Set.copyOf(this.catalogue.latinAmericanCountries());
	}

	/** The Latin-American recipient regions (IATI Region codes). */
	public Set<String> latinAmericanRegions() {
		return Set.copyOf(this.catalogue.latinAmericanRegions());
	}

	/**
	 * The Convoca funder an IATI organisation is, if index/iati-organisations.yaml says.
	 */
	public java.util.Optional<String> funderOf(String orgRef, String orgName) {
		return this.catalogue.funderOf(orgRef, orgName);
	}

	/**
	 * What the funder funds in these countries or regions since that day.
	 * @param funder a Convoca funder id or alias (AECID, EU), or an IATI organisation
	 * identifier or name
	 * @param countries recipient countries (ISO alpha-2), may be empty when regions are
	 * given
	 * @param regions recipient regions (IATI Region codes)
	 * @param since null for all time
	 */
	public DonorFunding fundingOf(String funder, Set<String> countries, Set<String> regions, LocalDate since) {
		Who who = who(funder);
		List<Row> rows = activities(who, countries, regions, since, null);
		boolean truncated = rows.size() > MAX_ACTIVITIES;
		if (truncated) {
			rows = rows.subList(0, MAX_ACTIVITIES);
		}
		Map<Long, Row> byId = new LinkedHashMap<>();
		rows.forEach(row -> byId.put(row.id, row));
		Map<Long, List<SectorRow>> sectors = sectors(byId.keySet());
		Map<Long, List<TransactionRow>> transactions = transactions(byId.keySet(), since);
		Map<Long, List<LocationRow>> locations = locations(byId.keySet());
		Purse total = new Purse();
		Map<String, Totals> byTheme = new TreeMap<>();
		Map<String, Totals> bySector = new LinkedHashMap<>();
		Map<String, SectorRow> sectorOf = new HashMap<>();
		Map<String, Totals> byPlace = new LinkedHashMap<>();
		Map<String, LocationRow> placeOf = new HashMap<>();
		for (Row row : rows) {
			List<SectorRow> own = sectors.getOrDefault(row.id, List.of());
			List<SectorRow> activityLevel = own.stream().filter(s -> s.transaction == null).toList();
			Map<String, Purse> perSector = new LinkedHashMap<>();
			Purse activityPurse = new Purse();
			List<TransactionRow> list = transactions.getOrDefault(row.id, List.of());
			for (TransactionRow t : list) {
				activityPurse.add(t, BigDecimal.ONE);
				List<SectorRow> split = own.stream().filter(s -> t.position.equals(s.transaction)).toList();
				for (Map.Entry<SectorRow, BigDecimal> share : shares(split.isEmpty() ? activityLevel : split)
					.entrySet()) {
					String key = share.getKey().key();
					sectorOf.putIfAbsent(key, share.getKey());
					perSector.computeIfAbsent(key, k -> new Purse()).add(t, share.getValue());
				}
			}
			total.add(activityPurse);
			Set<String> themes = new LinkedHashSet<>();
			Set<String> sectorKeys = new LinkedHashSet<>();
			for (SectorRow sector : own) {
				sectorKeys.add(sector.key());
				sectorOf.putIfAbsent(sector.key(), sector);
				themes.addAll(this.catalogue.themes(sector.vocabulary, sector.code));
			}
			for (String key : sectorKeys) {
				bySector.computeIfAbsent(key, k -> new Totals()).add(row.id, perSector.getOrDefault(key, new Purse()));
			}
			for (String theme : themes) {
				byTheme.computeIfAbsent(theme, k -> new Totals()).add(row.id, activityPurse);
			}
			for (LocationRow location : locations.getOrDefault(row.id, List.of())) {
				String key = location.key();
				placeOf.putIfAbsent(key, location);
				byPlace.computeIfAbsent(key, k -> new Totals()).add(row.id, activityPurse);
			}
		}
		List<DonorFunding.ThemeTotal> themeTotals = byTheme.entrySet()
			.stream()
			.map(e -> new DonorFunding.ThemeTotal(e.getKey(), e.getValue().activities.size(),
					e.getValue().purse.money()))
			.toList();
		List<DonorFunding.SectorTotal> sectorTotals = new ArrayList<>();
		bySector.forEach((key, totals) -> {
			SectorRow s = sectorOf.get(key);
			String category = IatiCatalogue.category(s.vocabulary, s.code);
			sectorTotals.add(new DonorFunding.SectorTotal(s.vocabulary, s.code, s.name, category,
					this.catalogue.categoryName(category), this.catalogue.themes(s.vocabulary, s.code),
					totals.activities.size(), totals.purse.money()));
		});
		sectorTotals.sort(Comparator.comparing(DonorFunding.SectorTotal::activities).reversed());
		List<DonorFunding.PlaceTotal> placeTotals = new ArrayList<>();
		byPlace.forEach((key, totals) -> {
			LocationRow l = placeOf.get(key);
			placeTotals.add(new DonorFunding.PlaceTotal(l.label(), l.administrative, l.latitude, l.longitude,
					totals.activities.size(), totals.purse.money()));
		});
		placeTotals.sort(Comparator.comparing(DonorFunding.PlaceTotal::activities).reversed());
		return new DonorFunding(who.label, who.known, Set.copyOf(countries), Set.copyOf(regions), since, rows.size(),
				truncated, total.money(), themeTotals, sectorTotals, placeTotals);
	}

	/**
	 * The funder's activities in pipeline/identification (status 1) in these countries or
	 * regions, the latest planned start first: the early warning of money being prepared.
	 */
	public List<DonorFunding.PipelineActivity> pipeline(String funder, Set<String> countries, Set<String> regions) {
		Who who = who(funder);
		List<Row> rows = activities(who, countries, regions, null, "1");
		Map<Long, Row> byId = new LinkedHashMap<>();
		rows.forEach(row -> byId.put(row.id, row));
		Map<Long, List<SectorRow>> sectors = sectors(byId.keySet());
		Map<Long, List<LocationRow>> locations = locations(byId.keySet());
		Map<Long, List<String[]>> recipients = recipients(byId.keySet());
		Map<Long, Purse> budgets = budgets(byId.keySet());
		List<DonorFunding.PipelineActivity> out = new ArrayList<>();
		for (Row row : rows) {
			Set<String> themes = new LinkedHashSet<>();
			sectors.getOrDefault(row.id, List.of())
				.forEach(s -> themes.addAll(this.catalogue.themes(s.vocabulary, s.code)));
			List<String> titles = row.titles.stream()
				.map(t -> (t.get("language") == null ? "" : t.get("language") + ": ") + t.get("text"))
				.toList();
			List<String> countryCodes = new ArrayList<>();
			List<String> regionCodes = new ArrayList<>();
			for (String[] r : recipients.getOrDefault(row.id, List.of())) {
				(Boolean.parseBoolean(r[0]) ? regionCodes : countryCodes).add(r[1]);
			}
			out.add(new DonorFunding.PipelineActivity(row.identifier, row.reportingOrg, titles, row.status,
					this.catalogue.statusName(row.status), row.plannedStart, row.plannedEnd,
					countryCodes.stream().distinct().toList(), regionCodes.stream().distinct().toList(),
					List.copyOf(themes),
					locations.getOrDefault(row.id, List.of()).stream().map(LocationRow::label).distinct().toList(),
					budgets.getOrDefault(row.id, new Purse()).money(), row.lastUpdated));
		}
		out.sort(Comparator.comparing(DonorFunding.PipelineActivity::plannedStart,
				Comparator.nullsLast(Comparator.reverseOrder())));
		return out;
	}

	/** Who the funder is: the organisations (refs and names) that are it in the data. */
	private Who who(String funder) {
		java.util.Optional<String> known = this.catalogue.funder(funder);
		IatiCatalogue.Funder rule = known.map(id -> this.catalogue.funders().get(id))
			.orElseGet(() -> new IatiCatalogue.Funder(List.of(funder.strip()), List.of(), List.of(funder)));
		Set<String> reportingRefs = new LinkedHashSet<>();
		Set<String> reportingNames = new LinkedHashSet<>();
		this.jdbc.query("SELECT DISTINCT reporting_org_ref, reporting_org_name FROM iati_activity", Map.of(), rs -> {
			matches(rule, rs.getString(1), rs.getString(2), reportingRefs, reportingNames);
		});
		Set<String> fundingRefs = new LinkedHashSet<>();
		Set<String> fundingNames = new LinkedHashSet<>();
		this.jdbc.query("SELECT DISTINCT ref, name FROM iati_participating_org WHERE role = '1'", Map.of(), rs -> {
			matches(rule, rs.getString(1), rs.getString(2), fundingRefs, fundingNames);
		});
		return new Who(known.orElse(funder.strip()), known.isPresent(), nonEmpty(reportingRefs),
				nonEmpty(reportingNames), nonEmpty(fundingRefs), nonEmpty(fundingNames));
	}

	private static void matches(IatiCatalogue.Funder rule, String ref, String name, Set<String> refs,
			Set<String> names) {
		if (rule.owns(ref, null)) {
			refs.add(ref);
		}
		else if (rule.owns(null, name)) {
			names.add(name);
		}
	}

	private static Set<String> nonEmpty(Set<String> values) {
		// SQL has no empty IN list; a value no column holds stands for "none".
		return values.isEmpty() ? Set.of(NONE) : values;
	}

	private List<Row> activities(Who who, Set<String> countries, Set<String> regions, LocalDate since, String status) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("rr", who.reportingRefs)
			.addValue("rn", who.reportingNames)
			.addValue("pr", who.fundingRefs)
			.addValue("pn", who.fundingNames)
			.addValue("countries", nonEmpty(new LinkedHashSet<>(countries)))
			.addValue("regions", nonEmpty(new LinkedHashSet<>(regions)))
			// One more than counted: whether the answer had to be cut.
			.addValue("limit", MAX_ACTIVITIES + 1);
		StringBuilder sql = new StringBuilder("""
				SELECT a.id, a.iati_identifier, a.reporting_org_name, a.reporting_org_ref, a.titles, a.status,
				    a.planned_start, a.planned_end, a.last_updated
				FROM iati_activity a
				WHERE (a.reporting_org_ref IN (:rr) OR a.reporting_org_name IN (:rn)
				    OR a.id IN (SELECT p.activity_id FROM iati_participating_org p
				                WHERE p.role = '1' AND (p.ref IN (:pr) OR p.name IN (:pn))))
				  AND EXISTS (SELECT 1 FROM iati_recipient r WHERE r.activity_id = a.id
				              AND ((NOT r.region AND r.code IN (:countries)) OR (r.region AND r.code IN (:regions))))
				""");
		if (since != null) {
			sql.append(" AND COALESCE(a.actual_end, a.planned_end, :since) >= :since");
			params.addValue("since", Date.valueOf(since));
		}
		if (status != null) {
			sql.append(" AND a.status = :status");
			params.addValue("status", status);
		}
		sql.append(" ORDER BY a.id LIMIT :limit");
		return this.jdbc.query(sql.toString(), params, (rs, n) -> new Row(rs.getLong(1), rs.getString(2),
				rs.getString(3) != null ? rs.getString(3) : rs.getString(4), texts(rs.getString(5)), rs.getString(6),
				localDate(rs.getDate(7)), localDate(rs.getDate(8)), instant(rs.getTimestamp(9))));
	}

	private List<Map<String, String>> texts(String json) {
		return json == null ? List.of() : this.json.readValue(json, TEXTS);
	}

	private Map<Long, List<SectorRow>> sectors(Collection<Long> ids) {
		return children(
				"SELECT activity_id, vocabulary, code, percentage, name, transaction_position "
						+ "FROM iati_sector WHERE activity_id IN (:ids) ORDER BY activity_id, position",
				ids, null, rs -> new SectorRow(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
						(Integer) rs.getObject(6)));
	}

	private Map<Long, List<TransactionRow>> transactions(Collection<Long> ids, LocalDate since) {
		return children(
				"SELECT activity_id, position, transaction_type, value, currency FROM iati_transaction "
						+ "WHERE activity_id IN (:ids) AND transaction_type IN ('2', '3', '4') AND value IS NOT NULL"
						+ (since == null ? "" : " AND (transaction_date IS NULL OR transaction_date >= :since)")
						+ " ORDER BY activity_id, position",
				ids, since,
				rs -> new TransactionRow(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)));
	}

	private Map<Long, List<LocationRow>> locations(Collection<Long> ids) {
		return children(
				"SELECT activity_id, ref, name, description, administrative, latitude, longitude "
						+ "FROM iati_location WHERE activity_id IN (:ids) ORDER BY activity_id, position",
				ids, null, rs -> new LocationRow(rs.getString(2), rs.getString(3), rs.getString(4),
						strings(rs.getArray(5)), rs.getBigDecimal(6), rs.getBigDecimal(7)));
	}

	private Map<Long, List<String[]>> recipients(Collection<Long> ids) {
		return children(
				"SELECT activity_id, region, code FROM iati_recipient WHERE activity_id IN (:ids) "
						+ "ORDER BY activity_id, position",
				ids, null, rs -> new String[] { String.valueOf(rs.getBoolean(2)), rs.getString(3) });
	}

	private Map<Long, Purse> budgets(Collection<Long> ids) {
		Map<Long, Purse> out = new HashMap<>();
		children(
				"SELECT activity_id, value, currency FROM iati_budget WHERE activity_id IN (:ids) "
						+ "AND value IS NOT NULL ORDER BY activity_id, position",
				ids, null, rs -> new TransactionRow(0, "2", rs.getBigDecimal(2), rs.getString(3)))
			.forEach((id, list) -> {
				Purse purse = new Purse();
				list.forEach(t -> purse.add(t, BigDecimal.ONE));
				out.put(id, purse);
			});
		return out;
	}

	private <T> Map<Long, List<T>> children(String sql, Collection<Long> ids, LocalDate since, RowReader<T> reader) {
		Map<Long, List<T>> out = new HashMap<>();
		List<Long> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			MapSqlParameterSource params = new MapSqlParameterSource("ids",
					all.subList(from, Math.min(all.size(), from + 1000)));
			if (since != null) {
				params.addValue("since", Date.valueOf(since));
			}
			this.jdbc.query(sql, params, rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(reader.read(rs));
			});
		}
		return out;
	}

	/**
	 * Each sector's share of the money: its percentage, or an equal part when the
	 * publisher gave none. Only sectors of one vocabulary split one amount: the first
	 * vocabulary listed (publishers may repeat the split in a second one).
	 */
	private static Map<SectorRow, BigDecimal> shares(List<SectorRow> sectors) {
		Map<SectorRow, BigDecimal> shares = new LinkedHashMap<>();
		if (sectors.isEmpty()) {
			return shares;
		}
		String vocabulary = sectors.get(0).vocabulary;
		List<SectorRow> one = sectors.stream().filter(s -> java.util.Objects.equals(vocabulary, s.vocabulary)).toList();
		boolean percentages = one.stream().allMatch(s -> s.percentage != null);
		for (SectorRow s : one) {
			shares.merge(s,
					percentages ? s.percentage.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64)
							: BigDecimal.ONE.divide(BigDecimal.valueOf(one.size()), MathContext.DECIMAL64),
					BigDecimal::add);
		}
		return shares;
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		List<String> out = new ArrayList<>();
		for (Object value : values) {
			out.add(String.valueOf(value));
		}
		return out;
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	@FunctionalInterface
	private interface RowReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	private record Who(String label, boolean known, Set<String> reportingRefs, Set<String> reportingNames,
			Set<String> fundingRefs, Set<String> fundingNames) {
	}

	private record Row(long id, String identifier, String reportingOrg, List<Map<String, String>> titles, String status,
			LocalDate plannedStart, LocalDate plannedEnd, java.time.Instant lastUpdated) {
	}

	private record SectorRow(String vocabulary, String code, BigDecimal percentage, String name, Integer transaction) {

		String key() {
			return this.vocabulary + ":" + this.code;
		}

	}

	private record TransactionRow(Integer position, String type, BigDecimal value, String currency) {
	}

	private record LocationRow(String ref, String name, String description, List<String> administrative,
			BigDecimal latitude, BigDecimal longitude) {

		String label() {
			if (this.name != null) {
				return this.name;
			}
			if (this.description != null) {
				return this.description;
			}
			if (this.ref != null) {
				return this.ref;
			}
			return this.administrative.isEmpty() ? "?" : String.join(", ", this.administrative);
		}

		String key() {
			return IatiCatalogue.fold(label()) + "|" + String.join(",", this.administrative);
		}

	}

	/** Activities counted once, and their money. */
	private static final class Totals {

		private final Set<Long> activities = new LinkedHashSet<>();

		private final Purse purse = new Purse();

		void add(long activity, Purse money) {
			this.activities.add(activity);
			this.purse.add(money);
		}

	}

	/** Committed and disbursed money per currency. */
	private static final class Purse {

		private final Map<String, BigDecimal[]> byCurrency = new TreeMap<>();

		void add(TransactionRow t, BigDecimal share) {
			if (t.value() == null) {
				return;
			}
			BigDecimal[] sums = this.byCurrency.computeIfAbsent(t.currency() == null ? "?" : t.currency(),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			BigDecimal amount = t.value().multiply(share, MathContext.DECIMAL64);
			sums["2".equals(t.type()) ? 0 : 1] = sums["2".equals(t.type()) ? 0 : 1].add(amount);
		}

		void add(Purse other) {
			other.byCurrency.forEach((currency, sums) -> {
				BigDecimal[] mine = this.byCurrency.computeIfAbsent(currency,
						k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				mine[0] = mine[0].add(sums[0]);
				mine[1] = mine[1].add(sums[1]);
			});
		}

		List<DonorFunding.Money> money() {
			return this.byCurrency.entrySet()
				.stream()
				.map(e -> new DonorFunding.Money(e.getKey(), e.getValue()[0].setScale(2, RoundingMode.HALF_UP),
						e.getValue()[1].setScale(2, RoundingMode.HALF_UP)))
				.toList();
		}

	}

}
