package pe.gob.munlima.convoca.match;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.call.Corrections;
import pe.gob.munlima.convoca.requirement.RequirementFacts;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The doubts about calls that hold verdicts at "Requiere revisión", one per call and
 * fact, however many projects and gerencias share it: the question the office settles
 * once ("¿Pueden postular gobiernos locales?") with how many verdicts it touches.
 * <p>
 * A review reason is a doubt about the call when the fact it rests on is one the call
 * does not state (who may apply, where, how much, until when), or one whose quoted
 * sentence names Lima's kind of applicant or place without settling it (the self-check's
 * material, {@code <fact>Named}). Other reviews are about the project (a deadline too
 * close for the approvals, a budget the project did not give) and are not asked here.
 */
@Service
public class ReviewQueue {

	/** The name a rule gives the money when the call states no amount. */
	private static final String AMOUNT = "amount";

	private final JdbcClient jdbc;

	private final Calls calls;

	private final Clock clock;

	private final ReasonsJson reasons = new ReasonsJson();

	ReviewQueue(JdbcClient jdbc, Calls calls, Clock clock) {
		this.jdbc = jdbc;
		this.calls = calls;
		this.clock = clock;
	}

	/** Every open doubt, the one that settles most verdicts first. */
	public List<Doubt> doubts() {
		List<Row> rows = rows();
		Map<Long, CallView> calls = this.calls.findAll(rows.stream().map(Row::callId).distinct().toList());
		Map<String, Builder> groups = new LinkedHashMap<>();
		Instant now = this.clock.instant();
		for (Row row : rows) {
			CallView call = calls.get(row.callId());
			if (call == null || !open(call, now)) {
				continue;
			}
			Set<String> facts = new LinkedHashSet<>();
			for (Reason reason : this.reasons.read(row.reasons())) {
				String fact = doubtedFact(reason, call);
				if (fact != null && facts.add(fact)) {
					groups.computeIfAbsent(row.callId() + "/" + fact, key -> new Builder(call, fact)).add(row, reason);
				}
				else if (fact != null) {
					groups.get(row.callId() + "/" + fact).quote(reason);
				}
			}
		}
		return groups.values()
			.stream()
			.map(Builder::build)
			.sorted(Comparator.comparingInt(Doubt::verdicts).reversed().thenComparing(Doubt::since))
			.toList();
	}

	/** How many doubts wait and for how long, for the Panel. */
	public Summary summary() {
		List<Doubt> doubts = doubts();
		Instant now = this.clock.instant();
		List<Long> ages = doubts.stream().map(d -> Duration.between(d.since(), now).toDays()).sorted().toList();
		double median = ages.isEmpty() ? 0 : ages.size() % 2 == 1 ? ages.get(ages.size() / 2)
				: (ages.get(ages.size() / 2 - 1) + ages.get(ages.size() / 2)) / 2.0;
		return new Summary(doubts.size(), doubts.stream().mapToInt(Doubt::verdicts).sum(), median);
	}

	/**
	 * The fact of the call a review reason doubts, or null when the reason is about the
	 * project or the fact cannot be corrected.
	 */
	static String doubtedFact(Reason reason, CallView call) {
		if (reason.severity() != Severity.NEEDS_REVIEW || reason.fact() == null) {
			return null;
		}
		String fact = AMOUNT.equals(reason.fact()) ? "amountMax" : reason.fact();
		if (!Corrections.correctable().contains(fact)) {
			return null;
		}
		if ("deadline".equals(fact)) {
			return call.deadline() == null ? fact : null;
		}
		boolean unstated = call.requirements().value(fact) == null;
		String named = fact + "Named";
		boolean selfCheck = RequirementFacts.names().contains(named)
				&& call.requirements().value(named) instanceof List<?> list && !list.isEmpty();
		return unstated || selfCheck ? fact : null;
	}

	private static boolean open(CallView call, Instant now) {
		return !call.closed() && !call.procurement() && (call.deadline() == null || !call.deadline().isBefore(now));
	}

	private List<Row> rows() {
		return this.jdbc
			.sql("SELECT call_id, project_id, gerencia_id, reasons, coalesce(changed_at, first_seen_at) AS since "
					+ "FROM match WHERE verdict = 'NEEDS_REVIEW' ORDER BY call_id, id")
			.query((rs, n) -> new Row(rs.getLong("call_id"), (Long) rs.getObject("project_id"),
					(Long) rs.getObject("gerencia_id"), rs.getString("reasons"), instant(rs.getTimestamp("since"))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
	}

	private record Row(long callId, Long projectId, Long gerenciaId, String reasons, Instant since) {
	}

	/**
	 * One question about one call.
	 *
	 * @param fact the fact of the call to settle ({@code applicantTypes} …)
	 * @param verdicts how many verdicts at "Requiere revisión" rest on it
	 * @param projectIds the projects among them
	 * @param gerenciaIds the gerencias among them ("sin proyecto en cartera")
	 * @param quotes the sentences Convoca found for it (none when the call says nothing)
	 * @param ruleIds the rules that asked
	 * @param since when the oldest of those verdicts was reached
	 */
	public record Doubt(CallView call, String fact, int verdicts, List<Long> projectIds, List<Long> gerenciaIds,
			List<String> quotes, List<String> ruleIds, Instant since) {
	}

	/**
	 * @param doubts questions waiting
	 * @param verdicts verdicts they hold at review (a verdict with two doubts counts
	 * twice)
	 * @param medianAgeDays the median age of the questions, in days
	 */
	public record Summary(int doubts, int verdicts, double medianAgeDays) {
	}

	private static final class Builder {

		private final CallView call;

		private final String fact;

		private final Set<Long> projects = new LinkedHashSet<>();

		private final Set<Long> gerencias = new LinkedHashSet<>();

		private final Set<String> quotes = new LinkedHashSet<>();

		private final Set<String> rules = new LinkedHashSet<>();

		private int verdicts;

		private Instant since;

		Builder(CallView call, String fact) {
			this.call = call;
			this.fact = fact;
		}

		void add(Row row, Reason reason) {
			this.verdicts++;
			if (row.projectId() != null) {
				this.projects.add(row.projectId());
			}
			if (row.gerenciaId() != null) {
				this.gerencias.add(row.gerenciaId());
			}
			this.since = this.since == null || row.since().isBefore(this.since) ? row.since() : this.since;
			quote(reason);
		}

		void quote(Reason reason) {
			this.rules.add(reason.ruleId());
			// A rule that found nothing gives the fact's name, not a sentence to show.
			if (reason.evidence() != null && reason.evidence().strip().contains(" ")) {
				this.quotes.add(reason.evidence());
			}
		}

		Doubt build() {
			return new Doubt(this.call, this.fact, this.verdicts, new ArrayList<>(this.projects),
					new ArrayList<>(this.gerencias), new ArrayList<>(this.quotes), new ArrayList<>(this.rules),
					this.since);
		}

	}

}
