package pe.gob.munlima.convoca.alert;

import java.util.Locale;

import pe.gob.munlima.convoca.notify.Notifications;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alert pages: "Mis alertas" ({@code /alertas}: what Convoca e-mails me, my saved
 * searches, my calendar feeds) and the subgerencia's administration
 * ({@code /admin/alertas}: recipients, digests sent, the outbox, dead letters with a
 * button to send them again).
 */
@Controller
class AlertPagesController {

	private static final int SHOWN = 50;

	private final RecipientService recipients;

	private final SavedSearchService searches;

	private final CalendarController calendars;

	private final DigestService digests;

	private final DigestRuns runs;

	private final Notifications notifications;

	private final AccessControl access;

	private final MessageSource messages;

	AlertPagesController(RecipientService recipients, SavedSearchService searches, CalendarController calendars,
			DigestService digests, DigestRuns runs, Notifications notifications, AccessControl access,
			MessageSource messages) {
		this.recipients = recipients;
		this.searches = searches;
		this.calendars = calendars;
		this.digests = digests;
		this.runs = runs;
		this.notifications = notifications;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/alertas")
	String mine(Model model) {
		model.addAttribute("prefs", this.recipients.mine());
		model.addAttribute("searches", this.searches.mine());
		model.addAttribute("feeds", this.calendars.feeds());
		model.addAttribute("admin", this.access.requireUser().has(Role.SUBGERENCIA));
		return "alert/mine";
	}

	@PostMapping("/alertas")
	String saveMine(@RequestParam String email, @RequestParam String language, @RequestParam String digestFrequency,
			@RequestParam(defaultValue = "false") boolean changeNotices,
			@RequestParam(defaultValue = "false") boolean deadlineReminders, Model model, Locale locale) {
		try {
			this.recipients.saveMine(
					new RecipientForm(email, null, language, digestFrequency, null, changeNotices, deadlineReminders));
			return "redirect:/alertas?guardado";
		}
		catch (AlertRejectedException ex) {
			model.addAttribute("error", this.messages.getMessage("alert.problem." + ex.code(), ex.arguments(), locale));
			return mine(model);
		}
	}

	@GetMapping("/admin/alertas")
	String admin(Model model) {
		model.addAttribute("recipients", this.recipients.all());
		model.addAttribute("digests", this.runs.recent(SHOWN));
		model.addAttribute("counts", this.notifications.counts());
		model.addAttribute("messages", this.notifications.messages(null, SHOWN));
		model.addAttribute("dead", this.notifications.messages("DEAD", SHOWN));
		return "alert/admin";
	}

	@PostMapping("/admin/alertas/resumen")
	String runDigest() {
		this.digests.runNow();
		return "redirect:/admin/alertas";
	}

	@PostMapping("/admin/alertas/mensajes/{id}/reintentar")
	String retry(@PathVariable long id) {
		this.notifications.retry(id);
		return "redirect:/admin/alertas";
	}

}
