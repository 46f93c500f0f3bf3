package pe.gob.munlima.convoca.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.call.ThemeThesaurus;
import pe.gob.munlima.convoca.match.Matches;
import pe.gob.munlima.convoca.match.StoredMatch;
import pe.gob.munlima.convoca.money.Amount;
import pe.gob.munlima.convoca.money.RateTable;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.report.SummaryReport.ApplicationCounts;
import pe.gob.munlima.convoca.report.SummaryReport.Rates;
import pe.gob.munlima.convoca.report.SummaryReport.ReasonCount;
import pe.gob.munlima.convoca.report.SummaryReport.SuccessRate;
import pe.gob.munlima.convoca.rules.Eligibility;
import pe.gob.munlima.convoca.rules.Reason;
import pe.gob.munlima.convoca.rules.Severity;
import pe.gob.munlima.convoca.rules.Verdict;
import pe.gob.munlima.convoca.tracking.ApplicationRecord;
import pe.gob.munlima.convoca.tracking.Applications;
import pe.gob.munlima.convoca.tracking.Stage;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Computes the benefit report from what the other modules publish: detected calls, stored
 * matches and tracked applications. See {@link SummaryReport} for what each figure
 * counts.
 */
@Service
class Reports {

	static final int TOP_REASONS = 10;

	private final Calls calls;

	private final Matches matches;

	private final Applications applications;

	private final Projects projects;

	private final Eligibility eligibility;

	private final ThemeThesaurus themes;

	private final MessageSource messages;

	private final java.time.Clock clock;

	Reports(Calls calls, Matches matches, Applications applications, Projects projects, Eligibility eligibility,
			ThemeThesaurus themes, MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.calls = calls;
		this.matches = matches;
		this.applications = applications;
		this.projects = projects;
		this.eligibility = eligibility;
		this.themes = themes;
		this.messages = messages;
	}

	SummaryReport summary(ReportQuery query, Locale locale) {
		check(query);
		Scope scope = new Scope(query);
		RateTable rates = rates();

		List<CallView> detected = this.calls.detectedBetween(query.start(), query.end())
			.stream()
			.filter(scope::covers)
			.toList();
		long callsDetected = detected.size();
		if (query.gerencia() != null) {
			Set<Long> ofGerencia = new HashSet<>();
			for (StoredMatch match : this.matches.ofCalls(detected.stream().map(CallView::id).toList())) {
				if (scope.isOfGerencia(match)) {
					ofGerencia.add(match.callId());
				}
			}
			callsDetected = ofGerencia.size();
		}

		List<StoredMatch> found = this.matches.firstSeenBetween(query.start(), query.end());
		Map<Long, CallView> callsById = new HashMap<>(
				this.calls.findAll(found.stream().map(StoredMatch::callId).distinct().toList()));
		Map<String, Long> byVerdict = new LinkedHashMap<>();
		for (Verdict verdict : List.of(Verdict.ELIGIBLE, Verdict.NEEDS_REVIEW, Verdict.NOT_ELIGIBLE)) {
			byVerdict.put(verdict.name(), 0L);
		}
		Map<String, Long> failed = new TreeMap<>();
		for (StoredMatch match : found) {
			if (!scope.covers(callsById.get(match.callId())) || !scope.isOfGerencia(match)) {
				continue;
			}
			byVerdict.merge(match.verdict().name(), 1L, Long::sum);
			if (match.verdict() == Verdict.NOT_ELIGIBLE) {
				Set<String> rules = new TreeSet<>();
				for (Reason reason : match.reasons()) {
					if (reason.severity() == Severity.NOT_ELIGIBLE) {
						rules.add(reason.ruleId());
					}
				}
				rules.forEach(rule -> failed.merge(rule, 1L, Long::sum));
			}
		}

		List<ApplicationRecord> records = this.applications.records();
		callsById.putAll(this.calls.findAll(records.stream()
			.map(ApplicationRecord::callId)
			.filter(id -> !callsById.containsKey(id))
			.distinct()
			.toList()));
		long started = 0;
		long submitted = 0;
		long awarded = 0;
		long notAwarded = 0;
		long discarded = 0;
		List<Amount> requested = new ArrayList<>();
		List<Amount> obtained = new ArrayList<>();
		List<Long> days = new ArrayList<>();
		for (ApplicationRecord record : records) {
			CallView call = callsById.get(record.callId());
			if (!scope.covers(call) || !scope.isOfGerencia(record.projectId())) {
				continue;
			}
			if (record.entered(Stage.APPLYING).filter(query::contains).isPresent()) {
				started++;
			}
			var submission = record.entered(Stage.SUBMITTED).filter(query::contains);
			if (submission.isPresent()) {
				submitted++;
				if (record.requested() != null) {
					requested.add(record.requested());
				}
				days.add(ChronoUnit.DAYS.between(day(call.firstSeenAt()), day(submission.get())));
			}
			if (record.stage() == Stage.AWARDED && record.award() != null
					&& query.contains(record.award().awardedOn())) {
				awarded++;
				obtained.add(new Amount(record.award().amount(), record.award().currency()));
			}
			if (record.entered(Stage.NOT_AWARDED).filter(query::contains).isPresent()) {
				notAwarded++;
			}
			if (record.entered(Stage.DISCARDED).filter(query::contains).isPresent()) {
				discarded++;
			}
		}

		long decided = awarded + notAwarded;
		return new SummaryReport(query.from(), query.to(), query.gerencia(), query.funder(), query.theme(),
				callsDetected, byVerdict, new ApplicationCounts(started, submitted, awarded, notAwarded, discarded),
				new SuccessRate(Tally.rate(awarded, decided), awarded, decided,
						this.messages.getMessage("report.successRate.definition", null, locale)),
				Tally.money(requested, rates), Tally.money(obtained, rates), used(rates, requested, obtained),
				top(failed, locale), Tally.days(days));
	}

	/**
	 * The applications awarded in the period (by their award date) within the query's
	 * gerencia, funder and theme, with their call and project, oldest award first.
	 */
	List<AwardedApplication> awarded(ReportQuery query) {
		check(query);
		Scope scope = new Scope(query);
		List<ApplicationRecord> records = this.applications.records()
			.stream()
			.filter(record -> record.stage() == Stage.AWARDED && record.award() != null
					&& query.contains(record.award().awardedOn()))
			.toList();
		Map<Long, CallView> calls = this.calls
			.findAll(records.stream().map(ApplicationRecord::callId).distinct().toList());
		List<AwardedApplication> awarded = new ArrayList<>();
		for (ApplicationRecord record : records) {
			CallView call = calls.get(record.callId());
			if (scope.covers(call) && scope.isOfGerencia(record.projectId())) {
				this.projects.find(record.projectId())
					.ifPresent(project -> awarded.add(new AwardedApplication(record, call, project)));
			}
		}
		awarded.sort(Comparator.comparing((AwardedApplication a) -> a.record().award().awardedOn())
			.thenComparing(a -> a.record().matchId()));
		return awarded;
	}

	/** Lima's profile as an applicant, when it is set up. */
	java.util.Optional<OrganisationProfile> organisation() {
		return this.projects.organisation();
	}

	/** An awarded application with what the exports say about it. */
	record AwardedApplication(ApplicationRecord record, CallView call, ProjectProfile project) {
	}

	/** The query asked for; a missing date is that of this year so far, in Lima. */
	ReportQuery query(LocalDate from, LocalDate to, String gerencia, String funder, String theme) {
		LocalDate today = LocalDate.now(this.clock.withZone(ReportQuery.LIMA));
		return new ReportQuery(from == null ? today.withDayOfYear(1) : from, to == null ? today : to, gerencia, funder,
				theme);
	}

	List<GerenciaProfile> gerencias() {
		return this.projects.gerencias();
	}

	List<String> themes() {
		return List.copyOf(new TreeSet<>(this.themes.themes()));
	}

	private void check(ReportQuery query) {
		if (query.from() == null || query.to() == null || query.from().isAfter(query.to())) {
			throw new ReportRefusedException(HttpStatus.BAD_REQUEST, "period", query.from(), query.to());
		}
		if (query.gerencia() != null
				&& this.projects.gerencias().stream().noneMatch(g -> g.code().equalsIgnoreCase(query.gerencia()))) {
			throw new ReportRefusedException(HttpStatus.BAD_REQUEST, "unknownGerencia", query.gerencia());
		}
		if (query.theme() != null && !this.themes.themes().contains(query.theme())) {
			throw new ReportRefusedException(HttpStatus.BAD_REQUEST, "unknownTheme", query.theme());
		}
	}

	/** The rate table in force today, the one the rules judge with. */
	private RateTable rates() {
		try {
			return this.eligibility.active().parameters().rates();
		}
		catch (IllegalStateException ex) {
			throw new ReportRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "noRates");
		}
	}

	private static Rates used(RateTable rates, List<Amount> requested, List<Amount> obtained) {
		Set<String> currencies = new TreeSet<>(List.of(Tally.PEN, Tally.USD));
		requested.forEach(amount -> currencies.add(amount.currency()));
		obtained.forEach(amount -> currencies.add(amount.currency()));
		Map<String, BigDecimal> used = new TreeMap<>();
		for (String currency : currencies) {
			rates.usdPerUnit(currency).ifPresent(rate -> used.put(currency, rate));
		}
		return new Rates(rates.date(), used);
	}

	private List<ReasonCount> top(Map<String, Long> failed, Locale locale) {
		return failed.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP_REASONS)
			.map(e -> new ReasonCount(e.getKey(),
					this.messages.getMessage("rule." + e.getKey(), null, e.getKey(), locale), e.getValue()))
			.toList();
	}

	private static LocalDate day(java.time.Instant instant) {
		return instant.atZone(ReportQuery.LIMA).toLocalDate();
	}

	/** The filters of a query, applied to calls, matches and projects. */
	private final class Scope {

		private final ReportQuery query;

		private final Map<Long, String> gerenciaCodes = new HashMap<>();

		private final Map<Long, String> projectGerencias = new HashMap<>();

		Scope(ReportQuery query) {
			this.query = query;
			Reports.this.projects.gerencias().forEach(g -> this.gerenciaCodes.put(g.id(), g.code()));
		}

		boolean covers(CallView call) {
			if (call == null) {
				return false;
			}
			if (this.query.funder() != null && !this.query.funder().equalsIgnoreCase(call.funder())) {
				return false;
			}
			return this.query.theme() == null || (call.themes() != null && call.themes().contains(this.query.theme()));
		}

		boolean isOfGerencia(StoredMatch match) {
			if (this.query.gerencia() == null) {
				return true;
			}
			return match.isForProject() ? isOfGerencia(match.projectId())
					: this.query.gerencia().equalsIgnoreCase(this.gerenciaCodes.get(match.gerenciaId()));
		}

		boolean isOfGerencia(long projectId) {
			if (this.query.gerencia() == null) {
				return true;
			}
			String code = this.projectGerencias.computeIfAbsent(projectId,
					id -> Reports.this.projects.find(id).map(project -> project.gerencia().code()).orElse(""));
			return this.query.gerencia().equalsIgnoreCase(code);
		}

	}

}
