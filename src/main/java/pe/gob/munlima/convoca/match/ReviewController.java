package pe.gob.munlima.convoca.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import pe.gob.munlima.convoca.call.ChangeMessages;
import pe.gob.munlima.convoca.call.Corrections;
import pe.gob.munlima.convoca.project.OrganisationProfile;
import pe.gob.munlima.convoca.project.Projects;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The review queue: the open calls' doubts, one per call and fact, the one that settles
 * most verdicts first, each with the sentences Convoca found and the answers that settle
 * it in one click (or a short form for an amount or a date). An answer is a correction of
 * the call ({@code POST /admin/convocatorias/{id}/correcciones}, or {@code POST
 * /api/admin/calls/{id}/corrections}), so every verdict of the call follows.
 */
@Controller
class ReviewController {

	private static final String BACK = "/admin/revision";

	private final ReviewQueue queue;

	private final Projects projects;

	private final ChangeMessages changes;

	private final MessageSource messages;

	ReviewController(ReviewQueue queue, Projects projects, ChangeMessages changes, MessageSource messages) {
		this.queue = queue;
		this.projects = projects;
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/admin/revision")
	String page(Locale locale, Model model) {
		List<Question> questions = questions(locale);
		model.addAttribute("questions", questions);
		model.addAttribute("back", BACK);
		model.addAttribute("verdicts", questions.stream().mapToInt(Question::verdicts).sum());
		return "admin/review";
	}

	@GetMapping("/api/admin/review")
	@ResponseBody
	List<Question> api(Locale locale) {
		return questions(locale);
	}

	private List<Question> questions(Locale locale) {
		OrganisationProfile lima = this.projects.organisation().orElse(null);
		return this.queue.doubts().stream().map(doubt -> question(doubt, lima, locale)).toList();
	}

	private Question question(ReviewQueue.Doubt doubt, OrganisationProfile lima, Locale locale) {
		String label = this.changes.label(doubt.fact(), locale);
		String question = this.messages.getMessage("review.question." + doubt.fact(), null,
				this.messages.getMessage("review.question", new Object[] { label }, locale), locale);
		return new Question(doubt.call().id(), doubt.call().title(), doubt.call().funder(), doubt.fact(), label,
				question, Corrections.kind(doubt.fact()).name(), doubt.verdicts(), doubt.projectIds().size(),
				doubt.gerenciaIds().size(), doubt.quotes(), doubt.ruleIds(), doubt.since(),
				answers(doubt, lima, locale));
	}

	/**
	 * The answers one click gives: for who may apply and where, Lima is in or out (the
	 * call's own list with or without Lima's kind or country); for yes-or-no facts, yes
	 * or no; for a call without a deadline, a standing programme. Amounts and days take
	 * the short form instead.
	 */
	private List<Answer> answers(ReviewQueue.Doubt doubt, OrganisationProfile lima, Locale locale) {
		List<Answer> answers = new ArrayList<>();
		String fact = doubt.fact();
		Object stated = doubt.call().requirements().value(fact);
		String limaValue = lima == null ? null : switch (fact) {
			case "applicantTypes" -> lima.applicantType();
			case "eligibleGeographies" -> lima.country();
			default -> null;
		};
		if (limaValue != null) {
			Set<String> with = codes(stated);
			with.add(limaValue);
			answers.add(answer("review.answer.yes." + fact, fact, String.join(",", with), locale));
			Set<String> without = codes(stated);
			without.remove(limaValue);
			if (!without.isEmpty()) {
				answers.add(answer("review.answer.no." + fact, fact, String.join(",", without), locale));
			}
			else if ("eligibleGeographies".equals(fact)) {
				Set<String> excluded = codes(doubt.call().requirements().value("excludedCountries"));
				excluded.add(limaValue);
				answers
					.add(answer("review.answer.no." + fact, "excludedCountries", String.join(",", excluded), locale));
			}
		}
		else if (Corrections.kind(fact) == Corrections.Kind.BOOLEAN) {
			answers.add(answer("review.answer.true", fact, "true", locale));
			answers.add(answer("review.answer.false", fact, "false", locale));
		}
		else if ("deadline".equals(fact)) {
			answers.add(answer("review.answer.standing", "standing", "true", locale));
		}
		return answers;
	}

	private Answer answer(String key, String fact, String value, Locale locale) {
		return new Answer(this.messages.getMessage(key, null, locale), fact, value);
	}

	private static Set<String> codes(Object value) {
		Set<String> codes = new LinkedHashSet<>();
		if (value instanceof List<?> list) {
			list.forEach(code -> codes.add(String.valueOf(code)));
		}
		return codes;
	}

	/**
	 * One doubt as the office answers it.
	 *
	 * @param question the question in the reader's language
	 * @param kind the kind of value the short form asks (LIST, NUMBER, BOOLEAN, TEXT,
	 * DATE)
	 * @param verdicts how many verdicts at review rest on it
	 * @param quotes the sentences Convoca found for the fact
	 * @param answers the answers one click gives
	 */
	record Question(long callId, String callTitle, String funder, String fact, String label, String question,
			String kind, int verdicts, int projects, int gerencias, List<String> quotes, List<String> ruleIds,
			Instant since, List<Answer> answers) {
	}

	/**
	 * @param label what the button says ("Sí, pueden postular")
	 * @param fact the fact the answer corrects (may differ from the doubt's: "no" to a
	 * country's doubt adds Peru to the excluded countries)
	 * @param value the value as the correction form takes it
	 */
	record Answer(String label, String fact, String value) {
	}

}
