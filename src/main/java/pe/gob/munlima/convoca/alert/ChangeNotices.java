package pe.gob.munlima.convoca.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.ChangeMessages;
import pe.gob.munlima.convoca.notify.EmailAddresses;
import pe.gob.munlima.convoca.notify.Message;
import pe.gob.munlima.convoca.notify.Notifications;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.UserDirectory;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.stereotype.Component;

/**
 * When a matched call changes what people act on (deadline, amounts, eligibility,
 * status), the people following it get the field-level change: the project owners of the
 * projects (and gerencias) it fitted before the change (also when this change is what
 * made it stop fitting), and every user who follows the call. One e-mail per person and
 * change (key: change + address).
 * <p>
 * Who it fitted is read from the alerts' own record ({@link AlertMatches}), as it stood
 * before the change: the matcher and the alerts hear a change at the same time, and the
 * answer must not depend on which of them is first. A pair the change made fit is a new
 * match; the digest announces it.
 */
@Component
class ChangeNotices {

	private final AlertMatches matches;

	private final Projects projects;

	private final UserDirectory users;

	private final Follows follows;

	private final RecipientService preferences;

	private final DigestBuilder relevance;

	private final ChangeMessages texts;

	private final Notifications notifications;

	private final Links links;

	ChangeNotices(AlertMatches matches, Projects projects, UserDirectory users, Follows follows,
			RecipientService preferences, DigestBuilder relevance, ChangeMessages texts, Notifications notifications,
			Links links) {
		this.matches = matches;
		this.projects = projects;
		this.users = users;
		this.follows = follows;
		this.preferences = preferences;
		this.relevance = relevance;
		this.texts = texts;
		this.notifications = notifications;
		this.links = links;
	}

	/**
	 * Records the notices of one change (in the caller's transaction).
	 * @return how many e-mails were recorded
	 */
	int record(CallEvent event, CallView call) {
		CallEvent relevant = this.relevance.relevant(event);
		if (relevant.changes().isEmpty()) {
			return 0;
		}
		int recorded = 0;
		for (String username : followers(event, call)) {
			Optional<Recipient> person = this.preferences.ofUser(username);
			if (person.isEmpty() || !person.get().changeNotices()) {
				continue;
			}
			Recipient recipient = person.get();
			List<String> lines = relevant.changes()
				.stream()
				.map(change -> this.texts.describe(change, recipient.locale()))
				.toList();
			boolean enqueued = this.notifications
				.send(new Message("change:" + event.id() + ":" + EmailAddresses.normalise(recipient.email()),
						"CHANGE_NOTICE", recipient.email(), recipient.language(), "change",
						Map.of("title", call.title(), "funder", call.funder(), "url", this.links.call(call.id()),
								"changes", lines, "preferencesUrl", this.links.preferences()),
						"alert.change.subject", List.of(call.title()), AlertSubscriptions.changes(username),
						"call:" + call.id()));
			if (enqueued) {
				recorded++;
			}
		}
		return recorded;
	}

	private Set<String> followers(CallEvent event, CallView call) {
		Set<String> usernames = new LinkedHashSet<>();
		Map<Long, ProjectProfile> portfolio = new java.util.HashMap<>();
		this.projects.active().forEach(project -> portfolio.put(project.id(), project));
		Map<Long, GerenciaProfile> gerencias = new java.util.HashMap<>();
		this.projects.gerencias().forEach(gerencia -> gerencias.put(gerencia.id(), gerencia));
		for (AlertMatches.KnownMatch match : this.matches.ofCall(call.id())) {
			if (!match.fittedBefore(event.recordedAt())) {
				continue;
			}
			String gerencia = match.projectId() != null
					? Optional.ofNullable(portfolio.get(match.projectId())).map(p -> p.gerencia().code()).orElse(null)
					: Optional.ofNullable(gerencias.get(match.gerenciaId())).map(GerenciaProfile::code).orElse(null);
			if (gerencia != null) {
				this.users.projectOwnersOf(gerencia).stream().map(UserProfile::username).forEach(usernames::add);
			}
		}
		usernames.addAll(this.follows.followersOf(call.id()));
		return usernames;
	}

}
