package pe.gob.munlima.convoca.iati;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores activities in batches: one transaction per batch, the activity rows upserted by
 * their iati_identifier in one JDBC batch, their child rows replaced with JDBC batches.
 * An activity whose content hash did not change is not written at all. When a batch fails
 * in the database, its activities are stored again one by one, so that one bad activity
 * costs itself only and is named in the report.
 */
@Repository
class ActivityStore {

	private static final String UPSERT = """
			INSERT INTO iati_activity (iati_identifier, source_id, reporting_org_ref, reporting_org_name,
			    reporting_org_type, default_language, default_currency, hierarchy, titles, descriptions, status,
			    planned_start, actual_start, planned_end, actual_end, last_updated, content_hash, imported_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (iati_identifier) DO UPDATE SET source_id = EXCLUDED.source_id,
			    reporting_org_ref = EXCLUDED.reporting_org_ref, reporting_org_name = EXCLUDED.reporting_org_name,
			    reporting_org_type = EXCLUDED.reporting_org_type, default_language = EXCLUDED.default_language,
			    default_currency = EXCLUDED.default_currency, hierarchy = EXCLUDED.hierarchy, titles = EXCLUDED.titles,
			    descriptions = EXCLUDED.descriptions, status = EXCLUDED.status, planned_start = EXCLUDED.planned_start,
			    actual_start = EXCLUDED.actual_start, planned_end = EXCLUDED.planned_end,
			    actual_end = EXCLUDED.actual_end, last_updated = EXCLUDED.last_updated,
			    content_hash = EXCLUDED.content_hash, updated_at = EXCLUDED.updated_at""";

	private static final List<String> CHILD_TABLES = List.of("iati_participating_org", "iati_recipient", "iati_sector",
			"iati_location", "iati_budget", "iati_transaction");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	ActivityStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores a batch, counting in the tally what was created, updated, unchanged, stored.
	 */
	void store(String sourceId, List<IatiActivity> batch, Tally tally) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			List<Outcome> outcomes = this.transactions.execute(status -> write(sourceId, batch));
			outcomes.forEach(outcome -> outcome.count(tally));
		}
		catch (DataAccessException ex) {
			for (IatiActivity activity : batch) {
				try {
					List<Outcome> outcomes = this.transactions.execute(status -> write(sourceId, List.of(activity)));
					outcomes.forEach(outcome -> outcome.count(tally));
				}
				catch (DataAccessException single) {
					tally.problem("actividad " + activity.identifier() + ": no se pudo guardar ("
							+ single.getMostSpecificCause().getMessage() + "); lo guardado antes de ella se conserva");
				}
			}
		}
	}

	private List<Outcome> write(String sourceId, List<IatiActivity> batch) {
		Set<String> ids = new LinkedHashSet<>();
		batch.forEach(activity -> ids.add(activity.identifier()));
		Map<String, String> before = new HashMap<>();
		this.named.query("SELECT iati_identifier, content_hash FROM iati_activity WHERE iati_identifier IN (:ids)",
				new MapSqlParameterSource("ids", ids), rs -> {
					before.put(rs.getString(1), rs.getString(2));
				});
		List<Outcome> outcomes = new ArrayList<>();
		List<IatiActivity> changed = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(this.clock.instant());
		for (IatiActivity activity : batch) {
			String hash = hash(activity);
			String previous = before.get(activity.identifier());
			if (hash.equals(previous)) {
				outcomes.add(new Outcome(activity, Kind.UNCHANGED));
				continue;
			}
			rows.add(new Object[] { activity.identifier(), sourceId,
					org(activity.reportingOrg(), IatiActivity.Org::ref),
					org(activity.reportingOrg(), IatiActivity.Org::name),
					org(activity.reportingOrg(), IatiActivity.Org::type), activity.defaultLanguage(),
					activity.defaultCurrency(), activity.hierarchy(), texts(activity.titles(), false),
					texts(activity.descriptions(), true), activity.status(), date(activity, "1"), date(activity, "2"),
					date(activity, "3"), date(activity, "4"),
					activity.lastUpdated() == null ? null : Timestamp.from(activity.lastUpdated()), hash, now, now });
			changed.add(activity);
			outcomes.add(new Outcome(activity, previous == null ? Kind.CREATED : Kind.UPDATED));
			before.put(activity.identifier(), hash);
		}
		List<Long> keys = upsert(rows);
		// The same identifier twice in a batch: one row, its last reading wins.
		Map<Long, IatiActivity> written = new LinkedHashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			written.put(keys.get(i), changed.get(i));
		}
		if (!written.isEmpty()) {
			for (String table : CHILD_TABLES) {
				this.named.update("DELETE FROM " + table + " WHERE activity_id IN (:ids)",
						new MapSqlParameterSource("ids", written.keySet()));
			}
			children(written);
		}
		return outcomes;
	}

	/**
	 * Inserts or updates the activity rows in one JDBC batch (one round trip), answering
	 * their ids in order.
	 */
	private List<Long> upsert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = this.jdbc.execute((ConnectionCallback<List<Long>>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT, new String[] { "id" })) {
				for (Object[] row : rows) {
					new ArgumentPreparedStatementSetter(row).setValues(statement);
					statement.addBatch();
				}
				statement.executeBatch();
				List<Long> keys = new ArrayList<>();
				try (ResultSet generated = statement.getGeneratedKeys()) {
					while (generated.next()) {
						keys.add(generated.getLong(1));
					}
				}
				return keys;
			}
		});
		if (ids == null || ids.size() != rows.size()) {
			throw new IllegalStateException("upsert of " + rows.size() + " activities answered " + ids);
		}
		return ids;
	}

	private void children(Map<Long, IatiActivity> written) {
		List<Object[]> orgs = new ArrayList<>();
		List<Object[]> recipients = new ArrayList<>();
		List<Object[]> sectors = new ArrayList<>();
		List<Object[]> budgets = new ArrayList<>();
		List<Object[]> transactions = new ArrayList<>();
		List<Object[]> locations = new ArrayList<>();
		written.forEach((id, a) -> {
			int n = 0;
			for (IatiActivity.Org org : a.participatingOrgs()) {
				orgs.add(new Object[] { id, n++, org.ref(), org.name(), org.type(), org.role() });
			}
			n = 0;
			for (IatiActivity.Recipient r : a.recipients()) {
				recipients.add(new Object[] { id, n++, r.region(), r.code(), r.vocabulary(), r.percentage(), r.name(),
						r.transaction() });
			}
			n = 0;
			for (IatiActivity.Sector s : a.sectors()) {
				sectors
					.add(new Object[] { id, n++, s.vocabulary(), s.code(), s.percentage(), s.name(), s.transaction() });
			}
			n = 0;
			for (IatiActivity.Budget b : a.budgets()) {
				budgets.add(new Object[] { id, n++, b.type(), b.status(), sql(b.periodStart()), sql(b.periodEnd()),
						b.value(), b.currency(), sql(b.valueDate()) });
			}
			n = 0;
			for (IatiActivity.Transaction t : a.transactions()) {
				transactions.add(new Object[] { id, n++, t.ref(), t.type(), sql(t.date()), t.value(), t.currency(),
						sql(t.valueDate()), org(t.provider(), IatiActivity.Org::ref),
						org(t.provider(), IatiActivity.Org::name), org(t.receiver(), IatiActivity.Org::ref),
						org(t.receiver(), IatiActivity.Org::name), t.description() });
			}
			n = 0;
			for (IatiActivity.Location l : a.locations()) {
				// A String[] is a text[] to PostgreSQL's driver.
				locations.add(new Object[] { id, n++, l.ref(), l.name(), l.description(),
						l.administrative().toArray(String[]::new), l.latitude(), l.longitude(), l.reach(),
						l.exactness(), l.featureDesignation() });
			}
		});
		batch("INSERT INTO iati_participating_org (activity_id, position, ref, name, org_type, role) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", orgs);
		batch("INSERT INTO iati_recipient (activity_id, position, region, code, vocabulary, percentage, name, "
				+ "transaction_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", recipients);
		batch("INSERT INTO iati_sector (activity_id, position, vocabulary, code, percentage, name, "
				+ "transaction_position) VALUES (?, ?, ?, ?, ?, ?, ?)", sectors);
		batch("INSERT INTO iati_budget (activity_id, position, budget_type, status, period_start, period_end, value, "
				+ "currency, value_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", budgets);
		batch("INSERT INTO iati_transaction (activity_id, position, ref, transaction_type, transaction_date, value, "
				+ "currency, value_date, provider_org_ref, provider_org_name, receiver_org_ref, receiver_org_name, "
				+ "description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", transactions);
		batch("INSERT INTO iati_location (activity_id, position, ref, name, description, administrative, latitude, "
				+ "longitude, reach, exactness, feature_designation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				locations);
	}

	private void batch(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows);
		}
	}

	private static <T> T org(IatiActivity.Org org, java.util.function.Function<IatiActivity.Org, T> part) {
		return org == null ? null : part.apply(org);
	}

	private static Date date(IatiActivity activity, String type) {
		return activity.dates()
			.stream()
			.filter(dated -> type.equals(dated.type()) && dated.date() != null)
			.map(dated -> sql(dated.date()))
			.findFirst()
			.orElse(null);
	}

	private static Date sql(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private String texts(List<IatiActivity.Text> texts, boolean typed) {
		List<Map<String, String>> out = new ArrayList<>();
		for (IatiActivity.Text text : texts) {
			Map<String, String> one = new LinkedHashMap<>();
			one.put("language", text.language());
			one.put("text", text.text());
			if (typed) {
				one.put("type", text.type());
			}
			out.add(one);
		}
		return this.json.writeValueAsString(out);
	}

	/** What was read, to the byte: records print every component, lists in order. */
	static String hash(IatiActivity activity) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(activity.toString().getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private enum Kind {

		CREATED, UPDATED, UNCHANGED

	}

	private record Outcome(IatiActivity activity, Kind kind) {

		void count(Tally tally) {
			switch (this.kind) {
				case CREATED -> tally.created();
				case UPDATED -> tally.updated();
				case UNCHANGED -> tally.unchanged();
			}
			tally.stored(this.activity);
		}

	}

}
