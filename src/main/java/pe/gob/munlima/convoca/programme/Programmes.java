package pe.gob.munlima.convoca.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.rules.Eligibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes and their rounds, for the other modules and the pages: which programme a
 * call is a round of, each programme's rounds and forecast, the windows expected soon and
 * the projects they fit. The grouping is kept in PostgreSQL ({@link ProgrammeStore});
 * forecasts are computed from the rounds when read.
 */
@Service
public class Programmes {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private final ProgrammeStore store;

	private final Calls calls;

	private final Projects projects;

	private final pe.gob.munlima.convoca.match.SubjectFit fit;

	private final Eligibility eligibility;

	private final ProgrammeSignals signals;

	private final RoundMatcher matcher;

	private final Forecast forecast;

	private final Clock clock;

	private final ProgrammeViews views;

	Programmes(ProgrammeStore store, Calls calls, Projects projects, pe.gob.munlima.convoca.match.SubjectFit fit,
			Eligibility eligibility, ProgrammeProperties properties, Clock clock, ProgrammeViews views) {
		this.views = views;
		this.store = store;
		this.calls = calls;
		this.projects = projects;
		this.fit = fit;
		this.eligibility = eligibility;
		this.signals = ProgrammeSignals.load(properties.signalsFile());
		this.matcher = new RoundMatcher(this.signals);
		this.forecast = new Forecast(this.signals.forecast());
		this.clock = clock;
	}

	/**
	 * Puts a stored call in its programme: a call already grouped keeps its programme
	 * (its signals are refreshed), a new one joins the programme whose round it is most
	 * like, or starts its own. In a transaction of its own: it runs after the call's
	 * committed.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void group(long callId) {
		this.calls.find(callId).ifPresent(this::group);
	}

	private void group(CallView call) {
		RoundFeatures features = features(call);
		Instant now = this.clock.instant();
		Optional<ProgrammeStore.StoredRound> known = this.store.round(call.id());
		if (known.isPresent()) {
			ProgrammeStore.StoredRound round = known.get();
			this.store.save(new ProgrammeStore.StoredRound(round.callId(), round.programmeId(), features,
					round.joinedBy(), round.score(), round.assignedAt()));
			return;
		}
		Map<Long, List<RoundFeatures>> candidates = new LinkedHashMap<>();
		this.store.ofFunder(features.funderKey())
			.forEach((programme, rounds) -> candidates.put(programme,
					rounds.stream().map(ProgrammeStore.StoredRound::features).toList()));
		Optional<RoundMatcher.Joined> joined = this.matcher.join(features, candidates);
		if (joined.isPresent()) {
			this.store.save(new ProgrammeStore.StoredRound(call.id(), joined.get().programmeId(), features,
					ProgrammeStore.JoinedBy.SIGNALS, joined.get().score(), now));
		}
		else {
			long programme = this.store.create(features.funderKey(), now);
			this.store.save(new ProgrammeStore.StoredRound(call.id(), programme, features, ProgrammeStore.JoinedBy.NEW,
					null, now));
		}
	}

	RoundFeatures features(CallView call) {
		return RoundFeatures.of(call.funder(), call.reference(), call.programme(), call.title(), call.sourceId(),
				this.signals);
	}

	/**
	 * An administrator takes these rounds out of their programme into a new one of their
	 * own; the signals never move them again.
	 * @return the new programme's id
	 */
	@Transactional
	public long split(long programmeId, Collection<Long> callIds) {
		List<ProgrammeStore.StoredRound> rounds = this.store.rounds(programmeId);
		List<ProgrammeStore.StoredRound> moving = rounds.stream().filter(r -> callIds.contains(r.callId())).toList();
		if (moving.isEmpty() || moving.size() != callIds.size() || moving.size() == rounds.size()) {
			throw new ProgrammeRefusedException("split", programmeId);
		}
		Instant now = this.clock.instant();
		long created = this.store.create(moving.get(0).features().funderKey(), now);
		moving.forEach(r -> this.store.save(new ProgrammeStore.StoredRound(r.callId(), created, r.features(),
				ProgrammeStore.JoinedBy.ADMIN, null, now)));
		this.store.touch(programmeId, now);
		return created;
	}

	/**
	 * An administrator makes the rounds of {@code otherId} rounds of {@code programmeId};
	 * the other programme goes.
	 */
	@Transactional
	public void merge(long programmeId, long otherId) {
		if (programmeId == otherId || !this.store.exists(programmeId) || !this.store.exists(otherId)) {
			throw new ProgrammeRefusedException("merge", programmeId, otherId);
		}
		Instant now = this.clock.instant();
		this.store.rounds(otherId)
			.forEach(r -> this.store.save(new ProgrammeStore.StoredRound(r.callId(), programmeId, r.features(),
					ProgrammeStore.JoinedBy.ADMIN, null, now)));
		this.store.dropEmpty();
	}

	/** The programme a call is a round of. */
	@Transactional(readOnly = true)
	public Optional<Long> programmeOf(long callId) {
		return this.store.round(callId).map(ProgrammeStore.StoredRound::programmeId);
	}

	/** The calls grouped so far. */
	java.util.Set<Long> grouped() {
		return this.store.groupedCalls();
	}

	/** Every programme with its rounds' calls and forecast; one-round programmes too. */
	@Transactional(readOnly = true)
	public List<Programme> all() {
		return withRounds(1);
	}

	/**
	 * The programmes with at least this many rounds, their calls read in one query: what
	 * has fewer rounds than the forecast needs is not read at all.
	 */
	private List<Programme> withRounds(int minimum) {
		Map<Long, List<ProgrammeStore.StoredRound>> all = new LinkedHashMap<>(this.store.all());
		all.values().removeIf(rounds -> rounds.size() < minimum);
		Map<Long, CallView> found = this.calls
			.findAll(all.values().stream().flatMap(List::stream).map(ProgrammeStore.StoredRound::callId).toList());
		LocalDate today = today();
		List<Programme> programmes = new ArrayList<>();
		all.forEach((id, rounds) -> {
			Programme programme = programme(id, rounds, found, today);
			if (!programme.rounds().isEmpty()) {
				programmes.add(programme);
			}
		});
		return programmes;
	}

	@Transactional(readOnly = true)
	public Optional<Programme> find(long id) {
		List<ProgrammeStore.StoredRound> rounds = this.store.rounds(id);
		if (rounds.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, CallView> found = this.calls
			.findAll(rounds.stream().map(ProgrammeStore.StoredRound::callId).toList());
		return Optional.of(programme(id, rounds, found, today())).filter(p -> !p.rounds().isEmpty());
	}

	/**
	 * The programmes whose next window is expected soon enough to prepare: it starts
	 * (expected month less the tolerance) within the lead time
	 * ({@code rules/parameters.yaml} leadDays) plus {@code forecast.soonDays}, and has
	 * not ended; each with the active projects whose subject fits its last round.
	 */
	@Transactional(readOnly = true)
	public List<Soon> soon() {
		LocalDate today = today();
		int horizon = this.eligibility.context().leadDays() + this.signals.forecast().soonDays();
		List<ProjectProfile> portfolio = this.projects.active();
		List<Soon> soon = new ArrayList<>();
		for (Programme programme : withRounds(this.signals.forecast().minRounds())) {
			Programme.Expectation next = programme.expectation();
			if (next == null || next.start().isAfter(today.plusDays(horizon)) || next.end().isBefore(today)) {
				continue;
			}
			CallView last = programme.rounds().get(programme.rounds().size() - 1).call();
			List<ProjectProfile> fitting = portfolio.stream().filter(p -> this.fit.fits(last, p)).toList();
			soon.add(new Soon(programme, fitting));
		}
		soon.sort(Comparator.comparing((Soon s) -> s.programme().expectation().start())
			.thenComparingLong(s -> s.programme().id()));
		return soon;
	}

	/** The expected window and how sure, in words, and the programme's page (a path). */
	public Sentences sentences(Programme programme, Locale locale) {
		return new Sentences(this.views.expectation(programme, locale), this.views.confidence(programme, locale),
				ProgrammeLinks.url(programme.id()));
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), LIMA);
	}

	private Programme programme(long id, List<ProgrammeStore.StoredRound> stored, Map<Long, CallView> found,
			LocalDate today) {
		List<Programme.Round> rounds = new ArrayList<>();
		for (ProgrammeStore.StoredRound round : stored) {
			CallView call = found.get(round.callId());
			if (call != null) {
				rounds.add(new Programme.Round(call, date(call.opensAt()), date(call.deadline()),
						round.joinedBy().name(), round.score()));
			}
		}
		rounds.sort(
				Comparator
					.comparing((Programme.Round r) -> r.opened() != null ? r.opened() : r.closed(),
							Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparingLong(r -> r.call().id()));
		Forecast.Result result = this.forecast
			.of(rounds.stream().map(r -> new Forecast.RoundDates(r.opened(), r.closed())).toList(), today);
		int tolerance = this.signals.forecast().toleranceMonths();
		Programme.Expectation expectation = result.expected() == null ? null
				: new Programme.Expectation(result.expected(), result.expected().minusMonths(tolerance).atDay(1),
						result.expected().plusMonths(tolerance).atEndOfMonth(), result.level().name(), result.hits(),
						result.total(), result.cadenceMonths(), tolerance);
		return new Programme(id, rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).call().funder(), name(rounds),
				List.copyOf(rounds), expectation, result.opened(), result.missed(),
				result.checks().stream().map(c -> new Programme.Check(c.expected(), c.opened(), c.met())).toList());
	}

	/**
	 * The name the source gives the programme, else the latest round's title without its
	 * year.
	 */
	private static String name(List<Programme.Round> rounds) {
		if (rounds.isEmpty()) {
			return null;
		}
		CallView last = rounds.get(rounds.size() - 1).call();
		if (last.programme() != null && !last.programme().isBlank()) {
			return last.programme();
		}
		String title = last.title() == null ? "" : last.title();
		String stripped = title.replaceAll("\\(?\\b(?:19|20)\\d\\d(?:[/-]\\d{2,4})?\\b\\)?", " ")
			.replaceAll("\\s+([:,.;–—-])\\s*$", "")
			.replaceAll("\\s{2,}", " ")
			.strip();
		return stripped.isEmpty() ? title : stripped;
	}

	private static LocalDate date(Instant instant) {
		return instant == null ? null : LocalDate.ofInstant(instant, LIMA);
	}

	/**
	 * @param expectation "Abrió en marzo en 2023, 2024 y 2025: se espera en marzo de
	 * 2026."
	 * @param confidence "Confianza alta: 3 de 3 años en marzo ±1 mes."
	 * @param url the programme's page, a path
	 */
	public record Sentences(String expectation, String confidence, String url) {
	}

	/**
	 * A programme whose next window is coming soon, with the projects it fits.
	 */
	public record Soon(Programme programme, List<ProjectProfile> projects) {

		/** Only the projects of one gerencia (its code); all when null. */
		public List<ProjectProfile> of(String gerencia) {
			return gerencia == null ? this.projects
					: this.projects.stream().filter(p -> gerencia.equals(p.gerencia().code())).toList();
		}

	}

}
