package pe.gob.munlima.convoca.match;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gerencias' answers on the pages: the form beside each project's verdict (on the
 * project's page and on the call's page) posts here and comes back to the page it came
 * from with a sentence saying what happened, or why it was refused; a user who may not
 * act for the gerencia sees no form, and a post of theirs gets 403. {@code /respuestas}
 * is the subgerencia's overview: per open call and per gerencia, who answered what and
 * who has not (a project owner sees its own gerencia).
 */
@Controller
class AnswerPageController {

	private final AnswerService answers;

	private final MatchRepository matches;

	private final pe.gob.munlima.convoca.project.Projects projects;

	private final MessageSource messages;

	AnswerPageController(AnswerService answers, MatchRepository matches,
			pe.gob.munlima.convoca.project.Projects projects, MessageSource messages) {
		this.answers = answers;
		this.matches = matches;
		this.projects = projects;
		this.messages = messages;
	}

	@GetMapping("/respuestas")
	String overview(@RequestParam(required = false) String gerencia, @RequestParam(required = false) Long call,
			@RequestParam(defaultValue = "false") boolean pending, Model model, Locale locale) {
		model.addAttribute("overview", this.answers.overview(call, gerencia, pending, locale));
		model.addAttribute("gerencias", this.projects.gerencias());
		model.addAttribute("gerencia", gerencia == null ? "" : gerencia.strip().toUpperCase(Locale.ROOT));
		model.addAttribute("pending", pending);
		model.addAttribute("call", call);
		return "answers/answers";
	}

	/**
	 * @param back {@code convocatoria} to come back to the call's page; the project's
	 * page otherwise
	 */
	@PostMapping("/respuestas/{matchId}")
	String answer(@PathVariable long matchId, @ModelAttribute PageForm form,
			@RequestParam(defaultValue = "proyecto") String back, RedirectAttributes redirect, Locale locale) {
		Match match = this.matches.findById(matchId)
			.orElseThrow(() -> new AnswerRefusedException(HttpStatus.NOT_FOUND, "notFound", String.valueOf(matchId)));
		try {
			AnswerService.AnswerView answer = this.answers.answer(matchId, form.answerForm(), locale);
			redirect.addFlashAttribute("answerDone",
					this.messages.getMessage(form.start() ? "answer.page.savedAndStarted" : "answer.page.saved",
							new Object[] { answer.answerLabel(), answer.reasonLabel() }, locale));
		}
		catch (AnswerRefusedException ex) {
			redirect.addFlashAttribute("answerError", ex.detail(this.messages, locale));
		}
		redirect.addFlashAttribute("answeredMatch", matchId);
		String page = "convocatoria".equals(back) || match.getProjectId() == null
				? "/convocatorias/" + match.getCallId() : "/proyectos/" + match.getProjectId();
		return "redirect:" + page + "#match-" + matchId;
	}

	/**
	 * The answer form as typed: a box ticked sends {@code startApplication=true}.
	 */
	record PageForm(String answer, String reason, String note, String startApplication) {

		boolean start() {
			return "true".equals(this.startApplication) || "on".equals(this.startApplication);
		}

		AnswerForm answerForm() {
			return new AnswerForm(this.answer, this.reason, this.note, start());
		}

	}

}
