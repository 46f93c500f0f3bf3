package pe.gob.munlima.convoca.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administración › Índice: the search index's state, a rebuild from the database with its
 * progress followed on the page (searches keep answering meanwhile), and a reload of the
 * thesaurus after reading/vocabulary.yaml or index/thesaurus.yaml were edited.
 */
@Controller
class IndexPagesController {

	private final CallIndex index;

	private final CallIndexer indexer;

	private final ThesaurusStore thesaurus;

	IndexPagesController(CallIndex index, CallIndexer indexer, ThesaurusStore thesaurus) {
		this.index = index;
		this.indexer = indexer;
		this.thesaurus = thesaurus;
	}

	@GetMapping("/admin/indice")
	String status(Model model) {
		IndexAdminController.IndexStatus status = IndexAdminController.IndexStatus.of(this.index, this.indexer,
				this.thesaurus);
		model.addAttribute("index", status);
		model.addAttribute("rebuilding", status.rebuild().state() == CallIndexer.RebuildStatus.State.RUNNING);
		return "admin/search-index";
	}

	@PostMapping("/admin/indice/reconstruir")
	String rebuild(RedirectAttributes redirect) {
		if (!this.indexer.requestRebuild()) {
			redirect.addFlashAttribute("alreadyRunning", true);
		}
		return "redirect:/admin/indice";
	}

	@PostMapping("/admin/indice/tesauro")
	String reloadThesaurus(RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("reloaded", this.thesaurus.reload());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("thesaurusError", ex.getMessage());
		}
		return "redirect:/admin/indice";
	}

}
