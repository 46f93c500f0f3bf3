package pe.gob.munlima.convoca.rules;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administración › Reglas: the rule files and their drafts, an editor that shows a
 * compile error at its line, the version history and the audit trail, activation and
 * rollback. Drafts are the office's (SUBGERENCIA); activating and rolling back are the
 * administrator's (SecurityConfiguration guards the paths, the page hides the buttons).
 * The dry run of the drafts is judged by the match module
 * ({@code /admin/reglas/simulacion}).
 */
@Controller
class RulePagesController {

	static final String EDITOR = "admin/rule-file";

	private final RuleAdmin admin;

	private final Eligibility eligibility;

	private final MessageSource messages;

	RulePagesController(RuleAdmin admin, Eligibility eligibility, MessageSource messages) {
		this.admin = admin;
		this.eligibility = eligibility;
		this.messages = messages;
	}

	@GetMapping("/admin/reglas")
	String rules(Model model) {
		RuleAdminStatus status = this.admin.status();
		Set<String> drafts = new TreeSet<>();
		status.drafts().forEach(draft -> drafts.add(draft.file()));
		Set<String> files = new TreeSet<>(this.eligibility.active().files().keySet());
		files.addAll(drafts);
		model.addAttribute("status", status);
		// Rules and parameters first, their test cases apart: what an admin edits most.
		model.addAttribute("ruleFiles",
				files.stream()
					.filter(file -> !file.startsWith(RuleCompiler.TESTS))
					.map(file -> new FileRow(file, drafts.contains(file)))
					.toList());
		model.addAttribute("testFiles",
				files.stream()
					.filter(file -> file.startsWith(RuleCompiler.TESTS))
					.map(file -> new FileRow(file, drafts.contains(file)))
					.toList());
		return "admin/rules";
	}

	/** The editor, with the file's draft if there is one, else its active content. */
	@GetMapping("/admin/reglas/archivo")
	String file(@RequestParam("nombre") String file, Model model) {
		String content;
		boolean exists = true;
		try {
			content = this.admin.file(file);
		}
		catch (IllegalArgumentException ex) {
			// Not a file yet (or a name the save will refuse, saying why): an empty
			// editor.
			content = "";
			exists = false;
		}
		return editor(file, content, exists, null, null, model);
	}

	/**
	 * Saves the text as a draft and shows what the candidate rule set fails on, each
	 * error at its file and line; the active rules stay as they are.
	 */
	@PostMapping("/admin/reglas/archivo")
	String save(@RequestParam("nombre") String file, @RequestParam("contenido") String content, Principal user,
			Model model, Locale locale) {
		try {
			RuleDraft saved = this.admin.saveDraft(file, content, user.getName());
			RuleDraft draft = new RuleDraft(saved.file(), saved.savedBy(), saved.savedAt(),
					RuleError.in(saved.errors(), this.messages, locale), saved.stored());
			return editor(file, content, true, draft, null, model);
		}
		catch (IllegalArgumentException ex) {
			return editor(file, content, false, null, ex.getMessage(), model);
		}
	}

	@PostMapping("/admin/reglas/descartar")
	String discard(@RequestParam("nombre") String file, Principal user, RedirectAttributes redirect) {
		if (this.admin.discardDraft(file, user.getName())) {
			redirect.addFlashAttribute("discarded", file);
		}
		return "redirect:/admin/reglas";
	}

	/** ADMIN only. Activates the active files with the drafts laid over them. */
	@PostMapping("/admin/reglas/activar")
	String activate(@RequestParam(name = "nota", required = false) String note, Principal user,
			RedirectAttributes redirect) {
		try {
			RuleVersion version = this.admin.activate(user.getName(), note == null || note.isBlank() ? null : note);
			redirect.addFlashAttribute("activated", version);
			redirect.addFlashAttribute("rematching", true);
		}
		catch (RuleSetRejectedException ex) {
			redirect.addFlashAttribute("refused", ex.errors());
		}
		return "redirect:/admin/reglas";
	}

	/**
	 * ADMIN only. Goes back to an earlier version (the one before the current if none).
	 */
	@PostMapping("/admin/reglas/revertir")
	String rollback(@RequestParam(name = "version", required = false) Long version, Principal user,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("activated", this.admin.rollback(version, user.getName()));
			redirect.addFlashAttribute("rematching", true);
		}
		catch (RuleSetRejectedException ex) {
			redirect.addFlashAttribute("refused", ex.errors());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("rollbackError", ex.getMessage());
		}
		return "redirect:/admin/reglas";
	}

	/**
	 * @param draft the draft just saved with what the candidate set fails on, or null
	 * @param refused why the file could not be saved (its name), or null
	 */
	private String editor(String file, String content, boolean exists, RuleDraft draft, String refused, Model model) {
		List<RuleError> errors = draft == null ? List.of() : draft.errors();
		model.addAttribute("file", file);
		model.addAttribute("ruleText", content);
		model.addAttribute("exists", exists);
		model.addAttribute("draft", draft);
		model.addAttribute("refused", refused);
		model.addAttribute("errors", errors);
		model.addAttribute("lines", lines(file, content, errors));
		return EDITOR;
	}

	/** The text line by line, each with the errors found at it in this file. */
	static List<Line> lines(String file, String content, List<RuleError> errors) {
		List<Line> lines = new ArrayList<>();
		String[] text = content.split("\r?\n", -1);
		for (int i = 0; i < text.length; i++) {
			int number = i + 1;
			lines.add(new Line(number, text[i],
					errors.stream()
						.filter(error -> error.file().equals(file) && error.line() == number)
						.map(RuleError::message)
						.toList()));
		}
		return lines;
	}

	/**
	 * @param draft whether the file has a saved draft not yet active
	 */
	record FileRow(String name, boolean draft) {
	}

	record Line(int number, String text, List<String> errors) {

		public boolean failing() {
			return !this.errors.isEmpty();
		}

	}

}
