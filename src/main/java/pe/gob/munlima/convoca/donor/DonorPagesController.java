package pe.gob.munlima.convoca.donor;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The donor pages: {@code /donantes} (every donor), {@code /donantes/{key}} (one donor)
 * and {@code /donantes/a-quien-acudir?proyecto=} or {@code ?gerencia=} (the ranking).
 */
@Controller
class DonorPagesController {

	private final Donors donors;

	private final DonorRanking ranking;

	private final MessageSource messages;

	DonorPagesController(Donors donors, DonorRanking ranking, MessageSource messages) {
		this.donors = donors;
		this.ranking = ranking;
		this.messages = messages;
	}

	@GetMapping("/donantes")
	String list(Model model) {
		model.addAttribute("donors", this.donors.list());
		return "donors/list";
	}

	@GetMapping("/donantes/a-quien-acudir")
	String ranking(@RequestParam(name = "proyecto", required = false) Long project,
			@RequestParam(required = false) String gerencia, Model model, Locale locale) {
		try {
			model.addAttribute("ranking", DonorController.rank(this.ranking, project, gerencia, locale));
		}
		catch (DonorRefusedException ex) {
			model.addAttribute("error", ex.detail(this.messages, locale));
		}
		return "donors/ranking";
	}

	@GetMapping("/donantes/{key}")
	String donor(@PathVariable String key, Model model, Locale locale) {
		DonorProfile donor = this.donors.profile(key, locale)
			.orElseThrow(() -> new DonorRefusedException(org.springframework.http.HttpStatus.NOT_FOUND, "unknownDonor",
					key));
		model.addAttribute("donor", donor);
		return "donors/donor";
	}

}
