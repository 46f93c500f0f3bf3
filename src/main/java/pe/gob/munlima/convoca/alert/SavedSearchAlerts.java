package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.call.Calls;
import pe.gob.munlima.convoca.match.MatchFeed;
import pe.gob.munlima.convoca.match.MatchedCall;
import pe.gob.munlima.convoca.notify.Message;
import pe.gob.munlima.convoca.notify.Notifications;
import pe.gob.munlima.convoca.project.GerenciaProfile;
import pe.gob.munlima.convoca.project.ProjectProfile;
import pe.gob.munlima.convoca.project.Projects;
import pe.gob.munlima.convoca.security.Role;
import pe.gob.munlima.convoca.security.UserDirectory;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails the new calls each subscribed saved search found: daily searches every day,
 * weekly ones on the configured day. Only calls the recipient's projects are not all
 * NOT_ELIGIBLE for are listed (grant-portal users call unfiltered alerts noise), unless
 * the search asks for everything. One e-mail per search and period (key: search + day or
 * week); the calls it listed, or left out, are marked in the same transaction.
 */
@Service
class SavedSearchAlerts {

	private static final Logger log = LoggerFactory.getLogger(SavedSearchAlerts.class);

	private final SavedSearches searches;

	private final RecipientService preferences;

	private final UserDirectory users;

	private final Calls calls;

	private final MatchFeed matches;

	private final Projects projects;

	private final Notifications notifications;

	private final Links links;

	private final AlertProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SavedSearchAlerts(SavedSearches searches, RecipientService preferences, UserDirectory users, Calls calls,
			MatchFeed matches, Projects projects, Notifications notifications, Links links, AlertProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.searches = searches;
		this.preferences = preferences;
		this.users = users;
		this.calls = calls;
		this.matches = matches;
		this.projects = projects;
		this.notifications = notifications;
		this.links = links;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @return how many e-mails were recorded
	 */
	int run() {
		Instant now = this.clock.instant();
		LocalDate today = now.atZone(ZoneId.of(this.properties.digest().zone())).toLocalDate();
		boolean weeklyDay = today.getDayOfWeek() == DayOfWeek.valueOf(this.properties.savedSearches().weeklyDay());
		int sent = 0;
		for (SavedSearch search : this.searches.subscribed()) {
			if ("WEEKLY".equals(search.frequency()) && !weeklyDay) {
				continue;
			}
			String period = "WEEKLY".equals(search.frequency()) ? DigestService.period(now, MailFormat.LIMA)
					: today.toString();
			Boolean recorded = this.transactions.execute(status -> alert(search, period, now));
			if (Boolean.TRUE.equals(recorded)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean alert(SavedSearch search, String period, Instant now) {
		String key = "search:" + search.id() + ":" + period;
		if (this.notifications.recorded(key)) {
			return false;
		}
		List<Long> unsent = this.searches.unsentHits(search.id());
		Optional<UserProfile> user = this.users.find(search.username());
		Optional<Recipient> recipient = this.preferences.ofUser(search.username());
		if (unsent.isEmpty() || user.isEmpty() || recipient.isEmpty()) {
			return false;
		}
		Scope scope = new Scope(user.get());
		List<CallView> listed = new ArrayList<>();
		List<Long> left = new ArrayList<>();
		for (Long callId : unsent) {
			Optional<CallView> call = this.calls.find(callId);
			if (call.isPresent() && (search.includeNotEligible() || !scope.allNotEligible(callId))) {
				listed.add(call.get());
			}
			else {
				left.add(callId);
			}
		}
		this.searches.settle(search.id(), left, "skipped:" + key, now);
		if (listed.isEmpty()) {
			return false;
		}
		this.searches.settle(search.id(), listed.stream().map(CallView::id).toList(), key, now);
		int max = this.properties.savedSearches().maxCalls();
		List<Map<String, Object>> items = listed.stream().limit(max).map(call -> item(call)).toList();
		this.notifications
			.send(new Message(key, "SAVED_SEARCH", recipient.get().email(), recipient.get().language(), "search",
					Map.of("name", search.name(), "calls", items, "more", Math.max(0, listed.size() - max),
							"preferencesUrl", this.links.preferences()),
					"alert.search.subject", List.of(listed.size(), search.name()),
					AlertSubscriptions.search(search.id()), "search:" + search.id()));
		log.info("Saved search {} of {}: {} new calls e-mailed, {} left out as not eligible", search.id(),
				search.username(), listed.size(), left.size());
		return true;
	}

	private Map<String, Object> item(CallView call) {
		Map<String, Object> item = new HashMap<>();
		item.put("title", call.title());
		item.put("funder", call.funder());
		item.put("url", this.links.call(call.id()));
		item.put("deadline", MailFormat.date(call.deadline()));
		item.put("amount", MailFormat.range(call.requirements().money().min(), call.requirements().money().max(),
				call.requirements().money().currency()));
		return item;
	}

	/**
	 * The projects and gerencias whose verdicts count for a user: a project owner's own
	 * gerencia; every one for the subgerencia.
	 */
	private final class Scope {

		private final UserProfile user;

		private final Map<Long, String> projectGerencia = new HashMap<>();

		private final Map<Long, String> gerenciaCodes = new HashMap<>();

		Scope(UserProfile user) {
			this.user = user;
			for (ProjectProfile project : SavedSearchAlerts.this.projects.active()) {
				this.projectGerencia.put(project.id(), project.gerencia().code());
			}
			for (GerenciaProfile gerencia : SavedSearchAlerts.this.projects.gerencias()) {
				this.gerenciaCodes.put(gerencia.id(), gerencia.code());
			}
		}

		/**
		 * True when the rules judged the call for the user's projects (or gerencia) and
		 * found every one NOT_ELIGIBLE; a call nobody judged stays in.
		 */
		boolean allNotEligible(long callId) {
			boolean judged = false;
			for (MatchedCall match : SavedSearchAlerts.this.matches.ofCall(callId)) {
				String gerencia = match.projectId() != null ? this.projectGerencia.get(match.projectId())
						: this.gerenciaCodes.get(match.gerenciaId());
				if (gerencia == null || !(this.user.has(Role.SUBGERENCIA) || gerencia.equals(this.user.gerencia()))) {
					continue;
				}
				judged = true;
				if (match.fits()) {
					return false;
				}
			}
			return judged;
		}

	}

}
