package pe.gob.munlima.convoca.donor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import pe.gob.munlima.convoca.call.NameKeys;
import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.iati.DonorFunding;
import pe.gob.munlima.convoca.iati.IatiActivities;
import pe.gob.munlima.convoca.programme.Programme;
import pe.gob.munlima.convoca.programme.Programmes;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.tracking.ApplicationRecord;
import pe.gob.munlima.convoca.tracking.Applications;
import pe.gob.munlima.convoca.tracking.Stage;

import org.springframework.stereotype.Service;

/**
 * Which donors to approach for a project or a gerencia: those whose recent calls fund its
 * themes, open to applicants like Lima, and with whom Lima already applied or won.
 *
 * <p>
 * A donor's score is the sum of its evidence: each call seen in the last {@code years}
 * years adds {@code call} times the share of the target's themes it covers (times
 * {@code closedToLima} when its applicants exclude Lima's kind); each award Lima won with
 * it adds {@code award}, each application submitted {@code application}. The evidence is
 * listed with the score, strongest first, so the office sees why a donor is in the list
 * and can check it; a donor with no call on the target's themes is not listed, whatever
 * its history with Lima.
 */
@Service
public class DonorRanking {

	private final Calls calls;

	private final Applications applications;

	private final Projects projects;

	private final IatiActivities aid;

	private final Programmes programmes;

	private final RankingProperties weights;

	private final Clock clock;

	DonorRanking(Calls calls, Applications applications, Projects projects, IatiActivities aid, Programmes programmes,
			RankingProperties weights, Clock clock) {
		this.calls = calls;
		this.applications = applications;
		this.projects = projects;
		this.aid = aid;
		this.programmes = programmes;
		this.weights = weights;
		this.clock = clock;
	}

	/** The donors for a project; empty when the project does not exist. */
	public Optional<Ranking> forProject(long projectId, java.util.Locale locale) {
		return this.projects.find(projectId)
			.map(project -> rank(new Target(project.title(), Set.copyOf(project.themes()), applicantType()), locale));
	}

	/** The donors for a gerencia: its competences and its active projects' themes. */
	public Optional<Ranking> forGerencia(String code, java.util.Locale locale) {
		Optional<GerenciaProfile> gerencia = this.projects.gerencias()
			.stream()
			.filter(g -> g.code().equalsIgnoreCase(code))
			.findFirst();
		return gerencia.map(g -> {
			Set<String> themes = new LinkedHashSet<>(g.competences());
			for (ProjectProfile project : this.projects.active()) {
				if (project.gerencia().id() == g.id()) {
					themes.addAll(project.themes());
				}
			}
			return rank(new Target(g.name(), themes, applicantType()), locale);
		});
	}

	Ranking rank(Target target, java.util.Locale locale) {
		Instant now = this.clock.instant();
		Instant since = now.atOffset(ZoneOffset.UTC).minusYears(this.weights.years()).toInstant();
		Map<String, Candidate> candidates = new HashMap<>();
		// The window's end is exclusive: a call first seen this very instant counts too.
		for (CallView call : this.calls.detectedBetween(since, now.plusSeconds(1))) {
			if (call.funder() == null || call.funder().isBlank() || call.procurement()) {
				continue;
			}
			List<String> shared = call.themes() == null ? List.of()
					: call.themes().stream().filter(target.themes()::contains).toList();
			if (shared.isEmpty()) {
				continue;
			}
			List<String> admitted = Donors.applicantTypes(call);
			boolean closed = !admitted.isEmpty() && target.applicantType() != null
					&& !admitted.contains(target.applicantType());
			double weight = this.weights.call() * shared.size() / target.themes().size()
					* (closed ? this.weights.closedToLima() : 1.0);
			candidates.computeIfAbsent(NameKeys.key(call.funder()), key -> new Candidate(call.funder()))
				.add(new Evidence(closed ? Evidence.CALL_CLOSED_TO_LIMA : Evidence.CALL, call.id(), call.title(),
						shared, call.firstSeenAt(), weight));
		}
		if (!candidates.isEmpty()) {
			history(candidates);
			programmes(candidates, target, locale);
			activities(candidates, target, since);
		}
		List<RankedDonor> ranked = candidates.entrySet()
			.stream()
			.map(entry -> entry.getValue().ranked(entry.getKey()))
			.sorted(Comparator.comparingDouble(RankedDonor::score).reversed().thenComparing(RankedDonor::name))
			.limit(this.weights.limit())
			.toList();
		return new Ranking(target.name(), List.copyOf(target.themes()), this.weights.years(), ranked);
	}

	/** Lima's applications and awards with the donors already in the list. */
	private void history(Map<String, Candidate> candidates) {
		List<ApplicationRecord> records = this.applications.records()
			.stream()
			.filter(record -> record.entered(Stage.SUBMITTED).isPresent())
			.toList();
		Map<Long, CallView> calls = this.calls
			.findAll(records.stream().map(ApplicationRecord::callId).distinct().toList());
		for (ApplicationRecord record : records) {
			CallView call = calls.get(record.callId());
			Candidate candidate = call == null || call.funder() == null ? null
					: candidates.get(NameKeys.key(call.funder()));
			if (candidate == null) {
				continue;
			}
			boolean won = record.stage() == Stage.AWARDED;
			candidate.add(new Evidence(won ? Evidence.AWARD : Evidence.APPLICATION, call.id(), call.title(), List.of(),
					record.entered(won ? Stage.AWARDED : Stage.SUBMITTED).orElse(null),
					won ? this.weights.award() : this.weights.application()));
		}
	}

	/**
	 * The recurring programmes (two rounds or more) of the donors already in the list
	 * whose last round funds one of the target's themes: a call that is likely to come
	 * back.
	 */
	private void programmes(Map<String, Candidate> candidates, Target target, java.util.Locale locale) {
		for (Programme programme : this.programmes.all()) {
			Candidate candidate = programme.funder() == null ? null : candidates.get(NameKeys.key(programme.funder()));
			if (candidate == null || programme.rounds().size() < 2) {
				continue;
			}
			CallView last = programme.last().call();
			List<String> shared = last.themes() == null ? List.of()
					: last.themes().stream().filter(target.themes()::contains).toList();
			if (!shared.isEmpty()) {
				candidate.add(new Evidence(Evidence.PROGRAMME, last.id(), programme.name(), shared, null,
						this.weights.programme(), 0, programme.id(), programme.expectation() == null ? null
								: this.programmes.sentences(programme, locale).expectation()));
			}
		}
	}

	/**
	 * The IATI activities of the donors already in the list, in Latin America and on the
	 * target's themes: one piece of evidence per theme.
	 */
	private void activities(Map<String, Candidate> candidates, Target target, Instant since) {
		java.time.LocalDate from = since.atZone(java.time.ZoneId.of("America/Lima")).toLocalDate();
		candidates.values().forEach(candidate -> {
			DonorFunding funding = this.aid.fundingOf(candidate.name, this.aid.latinAmericanCountries(),
					this.aid.latinAmericanRegions(), from);
			for (DonorFunding.ThemeTotal theme : funding.byTheme()) {
				if (target.themes().contains(theme.theme())) {
					candidate.add(new Evidence(Evidence.ACTIVITY, 0, funding.funder(), List.of(theme.theme()), null,
							this.weights.activity() * Math.min(theme.activities(), this.weights.activityCap()),
							theme.activities(), 0, null));
				}
			}
		});
	}

	private String applicantType() {
		return this.projects.organisation().map(OrganisationProfile::applicantType).orElse(null);
	}

	/** What a ranking is for: a name, its themes, and Lima's kind of applicant. */
	record Target(String name, Set<String> themes, String applicantType) {
	}

	/**
	 * A ranking.
	 *
	 * @param target the project's title or the gerencia's name
	 * @param themes the themes a donor must fund to be listed
	 * @param years how far back calls count
	 */
	public record Ranking(String target, List<String> themes, int years, List<RankedDonor> donors) {
	}

	/** A donor in a ranking, with the evidence of its score, strongest first. */
	public record RankedDonor(String key, String name, double score, List<Evidence> evidence) {
	}

	/**
	 * One piece of evidence.
	 *
	 * @param kind {@link #CALL}, {@link #CALL_CLOSED_TO_LIMA}, {@link #APPLICATION},
	 * {@link #AWARD}, {@link #PROGRAMME} or {@link #ACTIVITY}
	 * @param callId the call it rests on (a programme's last round); 0 for IATI
	 * activities
	 * @param themes the target's themes the call, programme or activities fund
	 * @param at when the call was first seen, or the application submitted or awarded
	 * @param weight what it adds to the score
	 * @param activities for {@link #ACTIVITY}, how many IATI activities; 0 otherwise
	 * @param programmeId for {@link #PROGRAMME}, the programme; 0 otherwise
	 * @param expectation for {@link #PROGRAMME}, when its next window is expected, in
	 * words; null otherwise or when it cannot be said
	 */
	public record Evidence(String kind, long callId, String title, List<String> themes, Instant at, double weight,
			int activities, long programmeId, String expectation) {

		static final String CALL = "CALL";

		static final String CALL_CLOSED_TO_LIMA = "CALL_CLOSED_TO_LIMA";

		static final String APPLICATION = "APPLICATION";

		static final String AWARD = "AWARD";

		static final String PROGRAMME = "PROGRAMME";

		static final String ACTIVITY = "ACTIVITY";

		Evidence(String kind, long callId, String title, List<String> themes, Instant at, double weight) {
			this(kind, callId, title, themes, at, weight, 0, 0, null);
		}

	}

	/** A donor being scored. */
	private static final class Candidate {

		private final String name;

		private final List<Evidence> evidence = new ArrayList<>();

		Candidate(String name) {
			this.name = name;
		}

		void add(Evidence item) {
			this.evidence.add(item);
		}

		RankedDonor ranked(String key) {
			double score = this.evidence.stream().mapToDouble(Evidence::weight).sum();
			List<Evidence> strongest = this.evidence.stream()
				.sorted(Comparator.comparingDouble(Evidence::weight)
					.reversed()
					.thenComparing(Evidence::at, Comparator.nullsLast(Comparator.reverseOrder())))
				.toList();
			return new RankedDonor(key, this.name, Math.round(score * 100) / 100.0, strongest);
		}

	}

}
