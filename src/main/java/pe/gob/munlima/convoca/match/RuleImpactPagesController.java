package pe.gob.munlima.convoca.match;

import java.util.Locale;

import pe.gob.munlima.convoca.rules.RuleSetRejectedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the rules do to the verdicts, for the rules pages: the dry run of the drafts (the
 * counts of each verdict transition and every pair that would change, with old and new
 * reasons) and a re-match of every open call on demand. They live here because judging is
 * this module's; the rules module's pages link to them.
 */
@Controller
class RuleImpactPagesController {

	private final DryRun dryRun;

	private final Rematcher rematcher;

	RuleImpactPagesController(DryRun dryRun, Rematcher rematcher) {
		this.dryRun = dryRun;
		this.rematcher = rematcher;
	}

	@GetMapping("/admin/reglas/simulacion")
	String dryRun(Locale locale, Model model) {
		try {
			DryRun.Report report = this.dryRun.run(locale);
			model.addAttribute("report", report);
			model.addAttribute("unchanged", report.pairs() - report.changed());
		}
		catch (RuleSetRejectedException ex) {
			model.addAttribute("errors", ex.errors());
		}
		return "admin/dry-run";
	}

	@PostMapping("/admin/reglas/reevaluar")
	String rematch(RedirectAttributes redirect) {
		this.rematcher.start();
		redirect.addFlashAttribute("rematching", true);
		return "redirect:/admin/reglas";
	}

}
