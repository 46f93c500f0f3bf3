package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.programme.Programme;
import pe.gob.munlima.convoca.programme.Programmes;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The deadlines of fitting calls as an iCalendar feed (RFC 5545), for the whole office or
 * one gerencia, that Outlook and Google Calendar subscribe to. Each deadline is an event
 * of the hour before it, in Lima time with its VTIMEZONE; its UID names the call, so a
 * moved deadline moves the event instead of adding a second one.
 */
@Component
class CalendarFeed {

	/** Deadlines this old still show, so last week's closings do not vanish at once. */
	private static final Duration PAST = Duration.ofDays(30);

	private static final String LIMA = "America/Lima";

	private final MatchFeed matches;

	private final Calls calls;

	private final Projects projects;

	private final Links links;

	private final MessageSource messages;

	private final Clock clock;

	private final Programmes programmes;

	CalendarFeed(MatchFeed matches, Calls calls, Projects projects, Links links, MessageSource messages, Clock clock,
			Programmes programmes) {
		this.programmes = programmes;
		this.matches = matches;
		this.calls = calls;
		this.projects = projects;
		this.links = links;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param gerencia a gerencia's code, or null for the whole office
	 */
	String render(String gerencia, Locale locale) {
		Map<Long, ProjectProfile> portfolio = new HashMap<>();
		this.projects.active().forEach(project -> portfolio.put(project.id(), project));
		Map<Long, GerenciaProfile> gerencias = new HashMap<>();
		this.projects.gerencias().forEach(g -> gerencias.put(g.id(), g));
		Map<Long, List<String>> fitting = new LinkedHashMap<>();
		for (MatchedCall match : this.matches.fitting()) {
			String code;
			String label;
			if (match.projectId() != null) {
				ProjectProfile project = portfolio.get(match.projectId());
				if (project == null) {
					continue;
				}
				code = project.gerencia().code();
				label = project.code() + " " + project.title();
			}
			else {
				GerenciaProfile owner = gerencias.get(match.gerenciaId());
				code = owner.code();
				label = owner.name();
			}
			if (gerencia == null || gerencia.equals(code)) {
				fitting.computeIfAbsent(match.callId(), id -> new ArrayList<>())
					.add(label + ": " + this.matches.verdictLabel(match.verdict(), locale));
			}
		}
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Municipalidad Metropolitana de Lima//Convoca//ES");
		String name = this.messages.getMessage(gerencia == null ? "alert.calendar.office" : "alert.calendar.gerencia",
				new Object[] { gerencia }, locale);
		calendar.setName(name);
		// Outlook and Google read the calendar's name and zone from these.
		calendar.setExperimentalProperty("X-WR-CALNAME", name);
		calendar.setExperimentalProperty("X-WR-TIMEZONE", LIMA);
		calendar.getTimezoneInfo().setDefaultTimezone(lima());
		Instant since = this.clock.instant().minus(PAST);
		fitting.forEach((callId, forWhom) -> this.calls.find(callId)
			.filter(call -> call.deadline() != null && call.deadline().isAfter(since))
			.ifPresent(call -> calendar.addEvent(event(call, forWhom, locale))));
		for (Programmes.Soon window : this.programmes.soon()) {
			if (!window.of(gerencia).isEmpty()) {
				calendar.addEvent(expected(window, gerencia, locale));
			}
		}
		return Biweekly.write(calendar).go();
	}

	/**
	 * A window a recurring programme is expected to open, not yet published: a tentative,
	 * transparent all-day event over the expected month, marked "Esperada (no publicada)"
	 * in its title. Its UID names the programme and the month, so the real call, once
	 * stored, replaces it (the forecast moves on to the next window).
	 */
	private VEvent expected(Programmes.Soon window, String gerencia, Locale locale) {
		Programme programme = window.programme();
		Programmes.Sentences sentences = this.programmes.sentences(programme, locale);
		VEvent event = new VEvent();
		event.setUid("convoca-programme-" + programme.id() + "-" + programme.expectation().month()
				+ "-expected@convoca.munlima.gob.pe");
		event.setSummary(
				this.messages.getMessage("alert.calendar.expected.summary", new Object[] { programme.name() }, locale));
		String fits = String.join("\n", window.of(gerencia).stream().map(p -> p.code() + " " + p.title()).toList());
		event.setDescription(this.messages.getMessage("alert.calendar.expected.description",
				new Object[] { sentences.expectation(), sentences.confidence() }, locale) + "\n" + programme.funder()
				+ "\n" + fits + "\n" + this.links.absolute(sentences.url()));
		event.setUrl(this.links.absolute(sentences.url()));
		java.time.YearMonth month = programme.expectation().month();
		event.setDateStart(Date.from(month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()), false);
		event.setDateEnd(Date.from(month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
				false);
		event.setStatus(biweekly.property.Status.tentative());
		event.setTransparency(biweekly.property.Transparency.transparent());
		event.setDateTimeStamp(Date.from(this.clock.instant()));
		return event;
	}

	private VEvent event(CallView call, List<String> forWhom, Locale locale) {
		VEvent event = new VEvent();
		event.setUid("convoca-call-" + call.id() + "-deadline@convoca.munlima.gob.pe");
		event.setSummary(this.messages.getMessage("alert.calendar.summary", new Object[] { call.title() }, locale));
		String amount = MailFormat.range(call.requirements().money().min(), call.requirements().money().max(),
				call.requirements().money().currency());
		event.setDescription(call.funder() + (amount.isEmpty() ? "" : " · " + amount) + "\n"
				+ String.join("\n", forWhom) + "\n" + this.links.call(call.id()));
		event.setUrl(this.links.call(call.id()));
		event.setDateStart(Date.from(call.deadline().minus(Duration.ofHours(1))), true);
		event.setDateEnd(Date.from(call.deadline()), true);
		event.setDateTimeStamp(Date.from(this.clock.instant()));
		if (call.lastSeenAt() != null) {
			event.setLastModified(Date.from(call.lastSeenAt()));
		}
		return event;
	}

	/** Lima has kept UTC-5 without summer time since 1994: one STANDARD observance. */
	private static TimezoneAssignment lima() {
		VTimezone zone = new VTimezone(LIMA);
		StandardTime standard = new StandardTime();
		standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
		standard.setTimezoneOffsetFrom(new UtcOffset(false, 5, 0));
		standard.setTimezoneOffsetTo(new UtcOffset(false, 5, 0));
		standard.addTimezoneName("-05");
		zone.addStandardTime(standard);
		return new TimezoneAssignment(TimeZone.getTimeZone(LIMA), zone);
	}

}
