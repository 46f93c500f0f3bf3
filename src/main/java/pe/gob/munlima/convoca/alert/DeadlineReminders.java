package pe.gob.munlima.convoca.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pe.gob.munlima.convoca.notify.EmailAddresses;
import pe.gob.munlima.convoca.notify.Message;
import pe.gob.munlima.convoca.notify.Notifications;
import pe.gob.munlima.convoca.security.UserDirectory;
import pe.gob.munlima.convoca.security.UserProfile;
import pe.gob.munlima.convoca.tracking.ApplicationSummary;
import pe.gob.munlima.convoca.tracking.Applications;
import pe.gob.munlima.convoca.tracking.Stage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders of the deadlines of applications in stage "postulando": 14, 7 and 2 days
 * before (configurable), each sent once (key: application + days before + address). A day
 * the service was down is caught up on the next run with the most urgent reminder that
 * applies, never a burst of the ones it missed: an application that enters "postulando"
 * five days before the deadline gets the 7-day reminder, then the 2-day one. Reminders go
 * to the project owners of the application's gerencia and to the office list, each unless
 * they turned reminders off.
 */
@Service
class DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private final Applications applications;

	private final UserDirectory users;

	private final RecipientService preferences;

	private final Recipients recipients;

	private final Notifications notifications;

	private final Links links;

	private final AlertProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DeadlineReminders(Applications applications, UserDirectory users, RecipientService preferences,
			Recipients recipients, Notifications notifications, Links links, AlertProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.applications = applications;
		this.users = users;
		this.preferences = preferences;
		this.recipients = recipients;
		this.notifications = notifications;
		this.links = links;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @return how many reminders were recorded
	 */
	int run() {
		LocalDate today = this.clock.instant().atZone(MailFormat.LIMA).toLocalDate();
		int recorded = 0;
		for (ApplicationSummary application : this.applications.inStage(Stage.APPLYING)) {
			if (application.deadline() == null) {
				continue;
			}
			long daysLeft = ChronoUnit.DAYS.between(today,
					application.deadline().atZone(MailFormat.LIMA).toLocalDate());
			Optional<Integer> threshold = threshold(daysLeft, this.properties.reminders().daysBefore());
			if (threshold.isEmpty()) {
				continue;
			}
			Integer count = this.transactions.execute(status -> remind(application, threshold.get(), daysLeft));
			recorded += count == null ? 0 : count;
		}
		return recorded;
	}

	/**
	 * The smallest configured number of days not below {@code daysLeft}: with 14, 7 and
	 * 2, 10 days left is the 14-day reminder, 5 the 7-day one; none once the deadline
	 * passed.
	 */
	static Optional<Integer> threshold(long daysLeft, List<Integer> daysBefore) {
		if (daysLeft < 0) {
			return Optional.empty();
		}
		return daysBefore.stream().filter(days -> days >= daysLeft).min(Integer::compare);
	}

	private int remind(ApplicationSummary application, int threshold, long daysLeft) {
		int recorded = 0;
		for (Person person : people(application)) {
			Map<String, Object> variables = Map.of("days", daysLeft, "title", application.callTitle(), "funder",
					application.funder(), "deadline", MailFormat.date(application.deadline()), "project",
					application.projectCode() + " · " + application.projectTitle(), "url",
					this.links.call(application.callId()), "preferencesUrl", this.links.preferences());
			String key = "reminder:" + application.matchId() + ":" + threshold + ":"
					+ EmailAddresses.normalise(person.recipient().email());
			if (this.notifications
				.send(new Message(key, "DEADLINE_REMINDER", person.recipient().email(), person.recipient().language(),
						"reminder", variables, "alert.reminder.subject", List.of(daysLeft, application.callTitle()),
						person.subscription(), "application:" + application.matchId()))) {
				recorded++;
			}
		}
		if (recorded > 0) {
			log.info("Reminder {} days before the deadline of application {} ({}): {} e-mails", threshold,
					application.matchId(), application.callTitle(), recorded);
		}
		return recorded;
	}

	private List<Person> people(ApplicationSummary application) {
		List<Person> people = new ArrayList<>();
		for (UserProfile owner : this.users.projectOwnersOf(application.gerencia())) {
			this.preferences.ofUser(owner.username())
				.filter(Recipient::deadlineReminders)
				.ifPresent(
						recipient -> people.add(new Person(recipient, AlertSubscriptions.reminders(owner.username()))));
		}
		for (Recipient listed : this.recipients.all()) {
			if (listed.username() == null && listed.deadlineReminders()
					&& (listed.gerencia() == null || listed.gerencia().equals(application.gerencia()))) {
				people.add(new Person(listed, AlertSubscriptions.listReminders(listed.id())));
			}
		}
		return people;
	}

	private record Person(Recipient recipient, String subscription) {
	}

}
