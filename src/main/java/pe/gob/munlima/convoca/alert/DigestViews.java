package pe.gob.munlima.convoca.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.ChangeMessages;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.tracking.Applications;

import org.springframework.stereotype.Component;

/** Turns the facts of a digest into what one recipient reads, in their language. */
@Component
class DigestViews {

	private final MatchFeed matches;

	private final ChangeMessages changes;

	private final Links links;

	private final AlertProperties properties;

	private final Applications applications;

	DigestViews(MatchFeed matches, ChangeMessages changes, Links links, AlertProperties properties,
			Applications applications) {
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
		List<DigestView.CallItem> withoutProject = data.withoutProject()
			.stream()
			.map(match -> item(data, match, locale, data.gerencias().get(match.gerenciaId()).name()))
			.toList();
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
		return new DigestView(data.period(), scopeName, data.isEmpty(), data.newMatches().size(), grouped(data, locale),
				withoutProject, closing, changed, sources, overdue(data, locale), this.links.absolute("/"),
				this.links.preferences(), this.links.unsubscribePage(Unsubscriptions.recipient(recipient.id())));
	}

	/** New matches by gerencia, then project; each project's best matches first. */
	private List<DigestView.GerenciaBlock> grouped(DigestData data, Locale locale) {
		Map<GerenciaProfile, Map<ProjectProfile, List<DigestView.CallItem>>> blocks = new java.util.TreeMap<>(
				Comparator.comparing(GerenciaProfile::name));
		for (MatchedCall match : data.newMatches()) {
			ProjectProfile project = data.projects().get(match.projectId());
			blocks.computeIfAbsent(project.gerencia(), g -> new LinkedHashMap<>())
				.computeIfAbsent(project, p -> new ArrayList<>())
				.add(item(data, match, locale, null));
		}
		List<DigestView.GerenciaBlock> result = new ArrayList<>();
		blocks.forEach((gerencia, projects) -> {
			List<DigestView.ProjectBlock> projectBlocks = new ArrayList<>();
			projects.forEach((project, items) -> projectBlocks.add(new DigestView.ProjectBlock(project.code(),
					project.title(), this.links.project(project.id()), items)));
			projectBlocks.sort(Comparator.comparing(DigestView.ProjectBlock::code));
			result.add(
					new DigestView.GerenciaBlock(gerencia.name(), this.links.gerencia(gerencia.code()), projectBlocks));
		});
		return result;
	}

	private DigestView.CallItem item(DigestData data, MatchedCall match, Locale locale, String forWhom) {
		return item(data.calls().get(match.callId()), data.to(), match, locale, forWhom,
				this.matches.reasons(match, locale, this.properties.digest().topReasons()));
	}

	private DigestView.CallItem item(CallView call, Instant now, MatchedCall match, Locale locale, String forWhom,
			List<String> reasons) {
		Long daysLeft = call.deadline() == null ? null : ChronoUnit.DAYS
			.between(now.atZone(MailFormat.LIMA).toLocalDate(), call.deadline().atZone(MailFormat.LIMA).toLocalDate());
		return new DigestView.CallItem(call.title(), this.links.call(call.id()), call.funder(),
				MailFormat.date(call.deadline()), daysLeft,
				MailFormat.range(call.requirements().money().min(), call.requirements().money().max(),
						call.requirements().money().currency()),
				match == null ? null : this.matches.verdictLabel(match.verdict(), locale),
				match == null ? null : match.verdict().name(), forWhom, reasons);
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
