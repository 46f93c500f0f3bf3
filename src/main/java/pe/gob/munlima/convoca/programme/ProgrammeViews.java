package pe.gob.munlima.convoca.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.requirement.Requirements;
import pe.gob.munlima.convoca.tracking.ApplicationRecord;
import pe.gob.munlima.convoca.tracking.Applications;
import pe.gob.munlima.convoca.tracking.Stage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Programmes in words, for the page, the API and the other modules: the expected window
 * ("Abrió en marzo en 2023, 2024 y 2025: se espera en marzo de 2026."), how sure ("alta:
 * 3 de 3 años en marzo ±1 mes"), the windows that did not come, what changed between
 * rounds, and Lima's applications to each round (the tracking module's records). Every
 * sentence comes from the message bundles.
 */
@Component
class ProgrammeViews {

	/**
	 * A window that opened a few days longer or shorter is the calendar (a deadline moved
	 * to a weekday), not a change worth telling.
	 */
	static final long WINDOW_CHANGE_DAYS = 7;

	private final MessageSource messages;

	private final Applications applications;

	private final Projects projects;

	ProgrammeViews(MessageSource messages, Applications applications, Projects projects) {
		this.messages = messages;
		this.applications = applications;
		this.projects = projects;
	}

	/** A programme with its rounds, their changes and Lima's applications. */
	ProgrammeView view(Programme programme, Locale locale) {
		Map<Long, List<ApplicationRecord>> byCall = this.applications.records()
			.stream()
			.collect(Collectors.groupingBy(ApplicationRecord::callId));
		List<RoundView> rounds = new ArrayList<>();
		Programme.Round previous = null;
		for (Programme.Round round : programme.rounds()) {
			CallView call = round.call();
			Requirements.Money money = call.requirements().money();
			rounds.add(new RoundView(call.id(), call.title(), call.reference(), call.sourceId(), call.status(),
					round.opened(), round.closed(), money == null ? null : money.min(),
					money == null ? null : money.max(), money == null ? null : money.currency(), round.joinedBy(),
					round.score(), previous == null ? List.of() : changes(previous, round, locale),
					applications(byCall.getOrDefault(call.id(), List.of()), locale)));
			previous = round;
		}
		return new ProgrammeView(programme.id(), programme.name(), programme.funder(), rounds,
				expectation(programme, locale), confidence(programme, locale), missed(programme, locale),
				checks(programme, locale));
	}

	/**
	 * The programme list: those with more than one round (a call alone is no programme
	 * yet) unless {@code all}, the most recently opened first.
	 */
	List<ProgrammeSummary> summaries(List<Programme> programmes, boolean all, Locale locale) {
		return programmes.stream()
			.filter(p -> all || p.rounds().size() > 1)
			.map(p -> summary(p, locale))
			.sorted(java.util.Comparator.comparing(ProgrammeSummary::lastOpened,
					java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
			.toList();
	}

	/** The one-line summary of the programme list and of other modules' pages. */
	ProgrammeSummary summary(Programme programme, Locale locale) {
		Programme.Round last = programme.last();
		return new ProgrammeSummary(programme.id(), programme.name(), programme.funder(), programme.rounds().size(),
				last.opened(), last.closed(), programme.expectation() == null ? null : programme.expectation().month(),
				programme.expectation() == null ? null : programme.expectation().level(),
				expectation(programme, locale), confidence(programme, locale));
	}

	/**
	 * "Abrió en marzo en 2023, 2024 y 2025: se espera en marzo de 2026."; without a
	 * forecast, why not.
	 */
	String expectation(Programme programme, Locale locale) {
		Programme.Expectation next = programme.expectation();
		if (next == null) {
			return text("programme.expected.none", locale, programme.opened().size());
		}
		String expected = monthYear(next.month(), locale);
		Set<Integer> months = programme.opened().stream().map(YearMonth::getMonthValue).collect(Collectors.toSet());
		if (next.cadenceMonths() == 12 && months.size() == 1) {
			return text("programme.expected.yearly", locale, month(programme.opened().get(0), locale),
					list(programme.opened().stream().map(ym -> String.valueOf(ym.getYear())).toList(), locale),
					expected);
		}
		return text("programme.expected.dates", locale,
				list(programme.opened().stream().map(ym -> monthYear(ym, locale)).toList(), locale), expected);
	}

	/** "Confianza alta: 3 de 3 años en marzo ±1 mes." */
	String confidence(Programme programme, Locale locale) {
		Programme.Expectation next = programme.expectation();
		if (next == null) {
			return "";
		}
		String level = text("programme.level." + next.level(), locale);
		if (next.cadenceMonths() == 12) {
			return text("programme.confidence.yearly", locale, level, next.hits(), next.total(),
					month(next.month(), locale), next.toleranceMonths());
		}
		return text("programme.confidence.cadence", locale, level, next.hits(), next.total(), next.cadenceMonths(),
				next.toleranceMonths());
	}

	/**
	 * "No se abrió en marzo de 2026 como se esperaba." for each window that did not come.
	 */
	List<String> missed(Programme programme, Locale locale) {
		return programme.missed().stream().map(ym -> text("programme.missed", locale, monthYear(ym, locale))).toList();
	}

	private List<String> checks(Programme programme, Locale locale) {
		return programme.checks()
			.stream()
			.map(c -> text(c.met() ? "programme.check.met" : "programme.check.notMet", locale,
					monthYear(c.expected(), locale), day(c.opened(), locale)))
			.toList();
	}

	/**
	 * What changed from one round to the next: how long it stayed open, the themes, and
	 * every requirement fact (amounts, who may apply, where) whose value differs.
	 */
	List<String> changes(Programme.Round before, Programme.Round after, Locale locale) {
		List<String> changes = new ArrayList<>();
		Long daysBefore = days(before);
		Long daysAfter = days(after);
		if (daysBefore != null && daysAfter != null && Math.abs(daysBefore - daysAfter) >= WINDOW_CHANGE_DAYS) {
			changes.add(text("programme.change.window", locale, daysBefore, daysAfter));
		}
		Set<String> themesBefore = new TreeSet<>(Objects.requireNonNullElse(before.call().themes(), List.of()));
		Set<String> themesAfter = new TreeSet<>(Objects.requireNonNullElse(after.call().themes(), List.of()));
		if (!themesBefore.equals(themesAfter)) {
			changes.add(text("programme.change.themes", locale, String.join(", ", themesBefore),
					String.join(", ", themesAfter)));
		}
		Map<String, Object> was = facts(before.call().requirements());
		Map<String, Object> now = facts(after.call().requirements());
		Set<String> names = new LinkedHashSet<>(was.keySet());
		names.addAll(now.keySet());
		String unstated = text("programme.change.unstated", locale);
		for (String name : names) {
			Object a = was.get(name);
			Object b = now.get(name);
			if (!Objects.equals(a, b)) {
				changes.add(text("change.requirement", locale,
						this.messages.getMessage("requirement." + name, null, name, locale), value(a, unstated),
						value(b, unstated)));
			}
		}
		return changes;
	}

	private List<ApplicationView> applications(List<ApplicationRecord> records, Locale locale) {
		List<ApplicationView> views = new ArrayList<>();
		for (ApplicationRecord record : records) {
			ProjectProfile project = this.projects.find(record.projectId()).orElse(null);
			boolean applied = record.entered(Stage.SUBMITTED).isPresent() || record.stage() == Stage.AWARDED
					|| record.stage() == Stage.NOT_AWARDED;
			boolean won = record.stage() == Stage.AWARDED;
			views.add(new ApplicationView(record.matchId(), record.projectId(), project == null ? null : project.code(),
					project == null ? null : project.title(), record.stage().name(),
					text("stage." + record.stage().name(), locale), applied, won,
					won && record.award() != null ? record.award().amount() : null,
					won && record.award() != null ? record.award().currency() : null));
		}
		return views;
	}

	private static Map<String, Object> facts(Requirements requirements) {
		Map<String, Object> facts = new java.util.LinkedHashMap<>();
		requirements.stated().forEach(fact -> facts.put(fact.name(), normalised(fact.value())));
		return facts;
	}

	/** Amounts compare by value (50000 = 50000.00), lists as sets. */
	private static Object normalised(Object value) {
		if (value instanceof BigDecimal amount) {
			return amount.stripTrailingZeros();
		}
		if (value instanceof Collection<?> values) {
			return new TreeSet<>(values.stream().map(String::valueOf).toList());
		}
		return value;
	}

	private static String value(Object value, String unstated) {
		if (value == null) {
			return unstated;
		}
		if (value instanceof BigDecimal amount) {
			return amount.toPlainString();
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

	private static Long days(Programme.Round round) {
		return round.opened() == null || round.closed() == null ? null
				: ChronoUnit.DAYS.between(round.opened(), round.closed());
	}

	String monthYear(YearMonth month, Locale locale) {
		return month.format(DateTimeFormatter.ofPattern(text("programme.pattern.monthYear", locale), locale));
	}

	private static String month(YearMonth month, Locale locale) {
		return month.format(DateTimeFormatter.ofPattern("MMMM", locale));
	}

	private String day(LocalDate day, Locale locale) {
		return day.format(DateTimeFormatter.ofPattern(text("programme.pattern.day", locale), locale));
	}

	/** "2023, 2024 y 2025". */
	private String list(List<String> items, Locale locale) {
		if (items.size() < 2) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " " + text("programme.and", locale) + " "
				+ items.get(items.size() - 1);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	/**
	 * A programme as the page and {@code GET /api/programmes/{id}} show it.
	 *
	 * @param expectation the expected next window in words
	 * @param confidence how regular the history is, in words; empty without a forecast
	 * @param missed a sentence for each expected window that did not come
	 * @param checks whether each later round came when the earlier ones said
	 */
	record ProgrammeView(long id, String name, String funder, List<RoundView> rounds, String expectation,
			String confidence, List<String> missed, List<String> checks) {
	}

	/**
	 * @param changes what changed since the round before, in words
	 * @param applications Lima's applications to this round
	 */
	record RoundView(long callId, String title, String reference, String sourceId, String status, LocalDate opened,
			LocalDate closed, BigDecimal amountMin, BigDecimal amountMax, String currency, String joinedBy,
			Double score, List<String> changes, List<ApplicationView> applications) {
	}

	/**
	 * @param applied whether it was sent to the funder
	 * @param won whether the funder granted it
	 */
	record ApplicationView(long matchId, long projectId, String projectCode, String projectTitle, String stage,
			String stageLabel, boolean applied, boolean won, BigDecimal awarded, String awardCurrency) {
	}

	/**
	 * @param expectedMonth the month the next window is expected, or null
	 * @param level ALTA, MEDIA or BAJA; null without a forecast
	 */
	record ProgrammeSummary(long id, String name, String funder, int rounds, LocalDate lastOpened, LocalDate lastClosed,
			YearMonth expectedMonth, String level, String expectation, String confidence) {
	}

}
