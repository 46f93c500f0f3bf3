package pe.gob.munlima.convoca.call;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the call's page (and of the review queue) that correct a fact, keep a
 * correction against its source, or withdraw it. Under {@code /admin}: SUBGERENCIA and
 * ADMIN only. Each answers with a redirect to the page it came from, saying what changed
 * or why nothing did.
 */
@Controller
class CorrectionPagesController {

	/** Facts whose amount is meaningless without its currency: the form asks both. */
	private static final Set<String> AMOUNTS = Set.of("amountMin", "amountMax", "totalBudget");

	private final Corrections corrections;

	private final ChangeMessages changes;

	private final MessageSource messages;

	CorrectionPagesController(Corrections corrections, ChangeMessages changes, MessageSource messages) {
		this.corrections = corrections;
		this.changes = changes;
		this.messages = messages;
	}

	@PostMapping("/admin/convocatorias/{id}/correcciones")
	String correct(@PathVariable long id, @RequestParam("hecho") String fact,
			@RequestParam(name = "valor", required = false) String value,
			@RequestParam(name = "moneda", required = false) String currency,
			@RequestParam(name = "evidencia", required = false) String evidence,
			@RequestParam(name = "nota", required = false) String note,
			@RequestParam(name = "origen", required = false) String origin,
			@RequestParam(name = "volver", required = false) String back, Principal user, Locale locale,
			RedirectAttributes redirect) {
		try {
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put(fact, Corrections.parse(fact, value));
			if (AMOUNTS.contains(fact) && currency != null && !currency.isBlank()) {
				facts.put("currency", currency.strip().toUpperCase(Locale.ROOT));
			}
			Correction.Origin from = "QUEUE".equals(origin) ? Correction.Origin.QUEUE : Correction.Origin.PAGE;
			List<FieldChange> changed = this.corrections.correct(id, facts, evidence, note, user.getName(), from);
			redirect.addFlashAttribute("corrected",
					changed.stream().map(change -> this.changes.describe(change, locale)).toList());
		}
		catch (CorrectionRejectedException ex) {
			redirect.addFlashAttribute("correctionError", ex.detail(this.messages, locale));
		}
		return "redirect:" + back(back, id);
	}

	@PostMapping("/admin/convocatorias/{id}/correcciones/{correction}/mantener")
	String keep(@PathVariable long id, @PathVariable long correction, Principal user, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.corrections.keep(id, correction, user.getName());
			redirect.addFlashAttribute("corrected", List.of());
		}
		catch (CorrectionRejectedException ex) {
			redirect.addFlashAttribute("correctionError", ex.detail(this.messages, locale));
		}
		return "redirect:" + back(null, id);
	}

	@PostMapping("/admin/convocatorias/{id}/correcciones/{correction}/retirar")
	String withdraw(@PathVariable long id, @PathVariable long correction, Principal user, Locale locale,
			RedirectAttributes redirect) {
		try {
			List<FieldChange> changed = this.corrections.withdraw(id, correction, user.getName());
			redirect.addFlashAttribute("corrected",
					changed.stream().map(change -> this.changes.describe(change, locale)).toList());
		}
		catch (CorrectionRejectedException ex) {
			redirect.addFlashAttribute("correctionError", ex.detail(this.messages, locale));
		}
		return "redirect:" + back(null, id);
	}

	/** Back to the page the form was on: a path of this site, never another site. */
	private static String back(String back, long id) {
		if (back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")) {
			return back;
		}
		return "/convocatorias/" + id + "#correcciones";
	}

}
