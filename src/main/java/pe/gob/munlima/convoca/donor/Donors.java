package pe.gob.munlima.convoca.donor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.NameKeys;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.call.FunderCalls;
import pe.gob.munlima.convoca.donor.DonorProfile.AmountStat;
import pe.gob.munlima.convoca.donor.DonorProfile.ApplicationLine;
import pe.gob.munlima.convoca.donor.DonorProfile.CallLine;
import pe.gob.munlima.convoca.donor.DonorProfile.Count;
import pe.gob.munlima.convoca.iati.DonorFunding;
import pe.gob.munlima.convoca.iati.IatiActivities;
import pe.gob.munlima.convoca.programme.Programme;
import pe.gob.munlima.convoca.programme.Programmes;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.requirement.Fact;
import pe.gob.munlima.convoca.tracking.ApplicationRecord;
import pe.gob.munlima.convoca.tracking.Applications;
import pe.gob.munlima.convoca.tracking.Stage;

import org.springframework.stereotype.Service;

/**
 * The donors Convoca knows, and each one's page, built from the stored calls and Lima's
 * tracked applications each time they are asked for (see the package manual).
 */
@Service
public class Donors {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private final Calls calls;

	private final Applications applications;

	private final Projects projects;

	private final IatiActivities aid;

	private final RankingProperties window;

	private final Programmes programmes;

	private final Clock clock;

	Donors(Calls calls, Applications applications, Projects projects, IatiActivities aid, RankingProperties window,
			Programmes programmes, Clock clock) {
		this.calls = calls;
		this.applications = applications;
		this.projects = projects;
		this.aid = aid;
		this.window = window;
		this.programmes = programmes;
		this.clock = clock;
	}

	/** Every donor, the one with most calls first. */
	public List<DonorSummary> list() {
		Map<String, List<FunderCalls>> byKey = byKey(this.calls.funders());
		List<DonorSummary> donors = new ArrayList<>();
		byKey.forEach((key, spellings) -> {
			List<String> names = names(spellings);
			donors
				.add(new DonorSummary(key, names.get(0), names, spellings.stream().mapToLong(FunderCalls::calls).sum(),
						spellings.stream()
							.map(FunderCalls::lastSeenAt)
							.filter(java.util.Objects::nonNull)
							.max(Comparator.naturalOrder())
							.orElse(null)));
		});
		donors.sort(Comparator.comparingLong(DonorSummary::calls).reversed().thenComparing(DonorSummary::name));
		return donors;
	}

	/**
	 * The donor's page, if some call names it; programme sentences in the reader's
	 * language.
	 */
	public Optional<DonorProfile> profile(String key) {
		return profile(key, java.util.Locale.forLanguageTag("es"));
	}

	/** The donor's page, if some call names it. */
	public Optional<DonorProfile> profile(String key, java.util.Locale locale) {
		List<FunderCalls> spellings = byKey(this.calls.funders()).get(key);
		if (spellings == null) {
			return Optional.empty();
		}
		List<String> names = names(spellings);
		List<CallView> seen = this.calls.ofFunders(names);
		Instant now = this.clock.instant();
		List<CallLine> lines = seen.stream().map(call -> line(call, now)).toList();
		List<ApplicationLine> applied = applications(seen);
		return Optional
			.of(new DonorProfile(key, names.get(0), names, lines, lines.stream().filter(CallLine::open).count(),
					amounts(seen), counts(seen, call -> call.themes() == null ? List.of() : call.themes()),
					counts(seen, Donors::applicantTypes), applied,
					applied.stream().filter(line -> Stage.AWARDED.name().equals(line.stage())).count(), aid(names),
					programmes(key, locale)));
	}

	/** The donor's programmes, those with most rounds first. */
	List<DonorProfile.ProgrammeLine> programmes(String key, java.util.Locale locale) {
		List<DonorProfile.ProgrammeLine> lines = new ArrayList<>();
		for (Programme programme : this.programmes.all()) {
			if (programme.funder() == null || !key.equals(NameKeys.key(programme.funder()))) {
				continue;
			}
			Programmes.Sentences said = this.programmes.sentences(programme, locale);
			lines.add(new DonorProfile.ProgrammeLine(programme.id(), programme.name(), programme.rounds().size(),
					programme.last().opened(), programme.expectation() == null ? null : said.expectation(),
					programme.expectation() == null ? null : said.confidence()));
		}
		lines.sort(Comparator.comparingInt(DonorProfile.ProgrammeLine::rounds)
			.reversed()
			.thenComparing(DonorProfile.ProgrammeLine::name, Comparator.nullsLast(Comparator.naturalOrder())));
		return lines;
	}

	/**
	 * The donor's IATI activities: under the first of its names IATI knows (a funder of
	 * index/iati-organisations.yaml), else under its usual name, as written.
	 */
	DonorProfile.Aid aid(List<String> names) {
		String funder = names.stream()
			.filter(name -> this.aid.funderOf(null, name).isPresent())
			.findFirst()
			.orElse(names.get(0));
		LocalDate since = LocalDate.now(this.clock.withZone(LIMA)).minusYears(this.window.years());
		DonorFunding peru = this.aid.fundingOf(funder, Set.of("PE"), Set.of(), since);
		DonorFunding region = this.aid.fundingOf(funder, this.aid.latinAmericanCountries(),
				this.aid.latinAmericanRegions(), since);
		return new DonorProfile.Aid(peru.known(), since, peru, region,
				this.aid.pipeline(funder, this.aid.latinAmericanCountries(), this.aid.latinAmericanRegions()));
	}

	/** The spellings of each donor, grouped under its key. */
	static Map<String, List<FunderCalls>> byKey(List<FunderCalls> funders) {
		Map<String, List<FunderCalls>> byKey = new LinkedHashMap<>();
		for (FunderCalls funder : funders) {
			String key = NameKeys.key(funder.funder());
			if (!key.isEmpty()) {
				byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(funder);
			}
		}
		return byKey;
	}

	/** What the call says about who may apply; empty when it says nothing. */
	static List<String> applicantTypes(CallView call) {
		List<String> types = Fact.valueOf(call.requirements().applicants().applicantTypes());
		return types == null ? List.of() : types;
	}

	private static List<String> names(List<FunderCalls> spellings) {
		return spellings.stream()
			.sorted(Comparator.comparingLong(FunderCalls::calls).reversed().thenComparing(FunderCalls::funder))
			.map(FunderCalls::funder)
			.toList();
	}

	private static CallLine line(CallView call, Instant now) {
		boolean open = !call.closed() && (call.deadline() == null || !call.deadline().isBefore(now));
		return new CallLine(call.id(), call.title(), call.firstSeenAt(), call.opensAt(), call.deadline(), open,
				call.requirements().money().max(), call.requirements().money().currency(),
				call.themes() == null ? List.of() : call.themes(), call.programme(), call.reference());
	}

	/** Per currency, the median and the largest maximum amount the calls offer. */
	static List<AmountStat> amounts(List<CallView> calls) {
		Map<String, List<BigDecimal>> byCurrency = new TreeMap<>();
		for (CallView call : calls) {
			BigDecimal max = call.requirements().money().max();
			String currency = call.requirements().money().currency();
			if (max != null && currency != null) {
				byCurrency.computeIfAbsent(currency, c -> new ArrayList<>()).add(max);
			}
		}
		List<AmountStat> stats = new ArrayList<>();
		byCurrency.forEach((currency, amounts) -> {
			List<BigDecimal> sorted = amounts.stream().sorted().toList();
			int n = sorted.size();
			BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
					: sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
			stats.add(new AmountStat(currency, n, median, sorted.get(n - 1)));
		});
		stats.sort(Comparator.comparingInt(AmountStat::calls).reversed().thenComparing(AmountStat::currency));
		return stats;
	}

	static List<Count> counts(List<CallView> calls, Function<CallView, List<String>> values) {
		Map<String, Long> counted = calls.stream()
			.flatMap(call -> Set.copyOf(values.apply(call)).stream())
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
		return counted.entrySet()
			.stream()
			.map(entry -> new Count(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(Count::calls).reversed().thenComparing(Count::id))
			.toList();
	}

	private List<ApplicationLine> applications(List<CallView> calls) {
		Map<Long, CallView> byId = calls.stream().collect(Collectors.toMap(CallView::id, Function.identity()));
		Map<Long, ProjectProfile> projects = new HashMap<>();
		List<ApplicationLine> lines = new ArrayList<>();
		for (ApplicationRecord record : this.applications.records()) {
			CallView call = byId.get(record.callId());
			if (call == null) {
				continue;
			}
			ProjectProfile project = projects.computeIfAbsent(record.projectId(),
					id -> this.projects.find(id).orElse(null));
			if (project == null) {
				continue;
			}
			var award = record.award();
			lines.add(new ApplicationLine(record.matchId(), call.id(), call.title(), project.id(), project.title(),
					project.gerencia().code(), record.stage().name(), award == null ? null : award.amount(),
					award == null ? null : award.currency(), award == null ? null : award.awardedOn()));
		}
		lines.sort(Comparator.comparingLong(ApplicationLine::matchId).reversed());
		return lines;
	}

}
