package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import pe.gob.munlima.convoca.tracking.TaskForms.NewTask;
import pe.gob.munlima.convoca.tracking.TransitionForms.AmountForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.AwardForm;
import pe.gob.munlima.convoca.tracking.TransitionForms.Transition;

import org.springframework.http.HttpStatus;

/**
 * The forms of the application page, as typed: every field arrives as text and is turned
 * into the API's forms here, so a mistyped amount or date gets a sentence above the form
 * instead of an error page. Amounts may carry thousands separators as Peru writes them
 * (1,250,000.50).
 */
final class PageForms {

	private PageForms() {
	}

	/** One of the page's "move to" forms; the award and request fields only on theirs. */
	record StageForm(String to, String reason, String note, String amount, String currency, String awardedOn,
			String documentType, String documentReference, String requestedAmount, String requestedCurrency) {

		Transition transition() {
			Stage target = Stage.parse(this.to).orElse(null);
			AwardForm award = target == Stage.AWARDED ? award() : null;
			AmountForm requested = target == Stage.SUBMITTED && !blank(this.requestedAmount)
					? new AmountForm(PageForms.amount(this.requestedAmount), this.requestedCurrency) : null;
			return new Transition(this.to, blank(this.reason) ? null : this.reason, this.note, award, requested);
		}

		AwardForm award() {
			return new AwardForm(blank(this.amount) ? null : PageForms.amount(this.amount), this.currency,
					blank(this.awardedOn) ? null : day(this.awardedOn), this.documentType, this.documentReference);
		}

	}

	record TaskForm(String title, String owner, String dueOn) {

		NewTask task() {
			return new NewTask(this.title, this.owner, blank(this.dueOn) ? null : day(this.dueOn));
		}

	}

	static BigDecimal amount(String text) {
		try {
			return new BigDecimal(text.strip().replace(",", "").replace(" ", ""));
		}
		catch (NumberFormatException ex) {
			throw new TrackingRefusedException(HttpStatus.BAD_REQUEST, "badAmount", text.strip());
		}
	}

	static LocalDate day(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new TrackingRefusedException(HttpStatus.BAD_REQUEST, "badDate", text.strip());
		}
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
