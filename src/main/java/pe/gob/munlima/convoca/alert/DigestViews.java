package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.ChangeMessages;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.NewMatchSignal;
import pe.gob.munlima.convoca.programme.Programmes;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.rules.Verdict;
import pe.gob.munlima.convoca.tracking.Applications;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns the facts of a digest into what one recipient reads, in their language. */
@Component
class DigestViews {

	private final MatchFeed matches;

	private final ChangeMessages changes;

	private final Links links;

	private final AlertProperties properties;

	private final Applications applications;

	/** "Ver todas": the page of every new match of the week, grouped by call. */
	static final String ALL_NEW_MATCHES = "/coincidencias-nuevas";

	private final MessageSource messages;

	private final NewMatchSignal signal;

	private final Programmes programmes;

	DigestViews(MatchFeed matches, ChangeMessages changes, Links links, AlertProperties properties,
			Applications applications, MessageSource messages, NewMatchSignal signal, Programmes programmes) {
		this.programmes = programmes;
		this.messages = messages;
		this.signal = signal;
		this.applications = applications;
		this.matches = matches;
		this.changes = changes;
		this.links = links;
		this.properties = properties;
	}

	DigestView view(DigestData data, Recipient recipient) {
		Locale locale = recipient.locale();
		String scopeName = recipient.gerencia() == null ? null
				: data.gerencias()
					.values()
					.stream()
					.filter(g -> g.code().equals(recipient.gerencia()))
					.map(GerenciaProfile::name)
					.findFirst()
					.orElse(recipient.gerencia());
		List<DigestView.CallItem> closing = data.closing()
			.stream()
			.map(call -> item(call, data.to(), null, null, forWhom(data, call.id()), List.of()))
			.toList();
		List<DigestView.ChangeItem> changed = data.changed().stream().map(event -> {
			CallView call = data.calls().get(event.callId());
			return new DigestView.ChangeItem(call.title(), this.links.call(call.id()), call.funder(),
					event.changes().stream().map(change -> this.changes.describe(change, locale)).toList());
		}).toList();
		List<DigestView.SourceItem> sources = data.failingSources()
			.stream()
			.map(source -> new DigestView.SourceItem(source.sourceId(), source.funder(), source.failuresInARow(),
					MailFormat.date(source.lastRunAt()), source.lastError()))
			.toList();
		NewMatchSignal.Selection selection = data.selection();
		return new DigestView(data.period(), scopeName, data.isEmpty(), selection.calls().size(),
				selection.shownCount(), selection.total(),
				selection.calls().stream().map(group -> block(data, group, locale)).toList(),
				this.links.absolute(ALL_NEW_MATCHES), closing, changed, sources, overdue(data, locale),
				this.links.absolute("/"), this.links.preferences(), soon(data, recipient.gerencia(), locale));
	}

	/**
	 * "Se abrirán pronto": each expected window with the recipient's projects it fits (a
	 * gerencia's digest names only its own).
	 */
	private List<DigestView.SoonItem> soon(DigestData data, String gerencia, Locale locale) {
		return data.soon().stream().map(window -> {
			Programmes.Sentences sentences = this.programmes.sentences(window.programme(), locale);
			String line = this.messages.getMessage("alert.digest.soonLine", new Object[] { window.programme().name(),
					window.programme().funder(), sentences.expectation(), sentences.confidence() }, locale);
			String fits = this.messages.getMessage("alert.digest.soonFits", new Object[] {
					String.join(", ", window.of(gerencia).stream().map(p -> p.code() + " " + p.title()).toList()) },
					locale);
			return new DigestView.SoonItem(line, fits, this.links.absolute(sentences.url()));
		}).toList();
	}

	/**
	 * A call and the pairs whose subject fits it, best first; the call's doubts once,
	 * each project's own reasons (the most serious first) under it.
	 */
	private DigestView.CallBlock block(DigestData data, NewMatchSignal.CallGroup group, Locale locale) {
		int top = this.properties.digest().topReasons();
		List<DigestView.PairItem> pairs = group.shown()
			.stream()
			.limit(this.signal.pairsPerCall())
			.map(pair -> new DigestView.PairItem(pair.projectCode(),
					pair.projectId() == null ? this.messages.getMessage("alert.digest.gerenciaWithoutProject",
							new Object[] { pair.subject() }, locale) : pair.subject(),
					pair.projectId() == null ? this.links.gerencia(pair.gerencia())
							: this.links.project(pair.projectId()),
					this.matches.verdictLabel(pair.match().verdict(), locale), pair.match().verdict().name(),
					pair.onlyCallDoubts(), this.matches.render(pair.reasons().stream().limit(top).toList(), locale)))
			.toList();
		String forWhom = String.join(", ",
				new TreeSet<>(group.shown().stream().map(NewMatchSignal.Pair::gerencia).toList()));
		return new DigestView.CallBlock(item(group.call(), data.to(), group.verdict(), locale, forWhom, List.of()),
				this.matches.render(group.doubts(), locale), pairs, group.shown().size() - pairs.size());
	}

	private DigestView.CallItem item(CallView call, Instant now, Verdict verdict, Locale locale, String forWhom,
			List<String> reasons) {
		Long daysLeft = call.deadline() == null ? null : ChronoUnit.DAYS
			.between(now.atZone(MailFormat.LIMA).toLocalDate(), call.deadline().atZone(MailFormat.LIMA).toLocalDate());
		return new DigestView.CallItem(call.title(), this.links.call(call.id()), call.funder(),
				MailFormat.date(call.deadline()), daysLeft,
				MailFormat.range(call.requirements().money().min(), call.requirements().money().max(),
						call.requirements().money().currency()),
				verdict == null ? null : this.matches.verdictLabel(verdict, locale),
				verdict == null ? null : verdict.name(), forWhom, reasons);
	}

	/**
	 * The overdue tasks of the digest, said in the recipient's language (the data holds
	 * them in Spanish).
	 */
	private List<DigestView.TaskItem> overdue(DigestData data, Locale locale) {
		if (data.overdue().isEmpty()) {
			return List.of();
		}
		Map<Long, String> texts = new java.util.HashMap<>();
		if (!MailFormat.SPANISH.getLanguage().equals(locale.getLanguage())) {
			this.applications.overdueTasks(locale).forEach(task -> texts.put(task.taskId(), task.task()));
		}
		return data.overdue()
			.stream()
			.map(task -> new DigestView.TaskItem(texts.getOrDefault(task.taskId(), task.task()), task.owner(),
					MailFormat.date(task.dueOn()), task.daysOverdue(), task.projectTitle(), task.callTitle(),
					this.links.application(task.matchId())))
			.toList();
	}

	/** "GMU, GDE": the gerencias a call fits. */
	private static String forWhom(DigestData data, long callId) {
		return String.join(", ", new TreeSet<>(data.fits().getOrDefault(callId, java.util.Set.of())));
	}

}
