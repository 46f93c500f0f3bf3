package pe.gob.munlima.convoca.call;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's corrections of a call's facts through the API. Anyone signed in reads
 * them; correcting, keeping and withdrawing are under {@code /api/admin} (SUBGERENCIA and
 * ADMIN). A correction answers once the call's verdicts were judged again.
 */
@RestController
@Validated
class CorrectionController {

	private final Corrections corrections;

	private final Calls calls;

	private final ChangeMessages messages;

	CorrectionController(Corrections corrections, Calls calls, ChangeMessages messages) {
		this.corrections = corrections;
		this.calls = calls;
		this.messages = messages;
	}

	/** Every correction of the call, the newest first, conflicts included. */
	@GetMapping("/api/calls/{id}/corrections")
	List<Correction> list(@PathVariable long id) {
		this.calls.find(id)
			.orElseThrow(() -> new CorrectionRejectedException(HttpStatus.NOT_FOUND, "callNotFound", id));
		return this.corrections.of(id);
	}

	/**
	 * Corrects or confirms facts of the call, e.g. {@code {"facts": {"applicantTypes":
	 * ["LOCAL_GOVERNMENT", "NGO"]}, "evidence": "…", "note": "…"}}; a null value says the
	 * call does not require the fact. The names are those of
	 * {@code GET /api/corrections/facts}.
	 */
	@PostMapping("/api/admin/calls/{id}/corrections")
	Corrected correct(@PathVariable long id, @RequestBody CorrectionRequest request, Principal user, Locale locale) {
		List<FieldChange> changes = this.corrections.correct(id, request.facts(), request.evidence(), request.note(),
				user.getName(), Correction.Origin.API);
		return new Corrected(describe(changes, locale), this.corrections.of(id));
	}

	/** The office keeps its value against what the source now says. */
	@PostMapping("/api/admin/calls/{id}/corrections/{correction}/keep")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void keep(@PathVariable long id, @PathVariable long correction, Principal user) {
		this.corrections.keep(id, correction, user.getName());
	}

	/** The office withdraws its correction: the call takes what its sources say. */
	@PostMapping("/api/admin/calls/{id}/corrections/{correction}/withdraw")
	Corrected withdraw(@PathVariable long id, @PathVariable long correction, Principal user, Locale locale) {
		List<FieldChange> changes = this.corrections.withdraw(id, correction, user.getName());
		return new Corrected(describe(changes, locale), this.corrections.of(id));
	}

	/** The corrections whose sources now say something else: the office decides. */
	@GetMapping("/api/admin/corrections/conflicts")
	List<Correction> conflicts() {
		return this.corrections.conflicts();
	}

	/** The names a correction may have, with the kind of value each takes. */
	@GetMapping("/api/corrections/facts")
	List<CorrectableFact> facts(Locale locale) {
		return Corrections.correctable()
			.stream()
			.map(name -> new CorrectableFact(name, Corrections.kind(name).name(), this.messages.label(name, locale)))
			.toList();
	}

	private List<String> describe(List<FieldChange> changes, Locale locale) {
		return changes.stream().map(change -> this.messages.describe(change, locale)).toList();
	}

	/**
	 * @param facts by name, the value as JSON holds it (a list of codes, a number, true
	 * or false, a code, a day {@code 2027-03-15}); null: the call does not require it
	 * @param evidence the sentence or document the correction relies on
	 * @param note why
	 */
	record CorrectionRequest(@NotEmpty Map<String, Object> facts, @Size(max = Corrections.MAX_EVIDENCE) String evidence,
			@Size(max = Corrections.MAX_NOTE) String note) {
	}

	/**
	 * @param changes what changed in the call, said in the reader's language (empty when
	 * the office confirmed what was read)
	 * @param corrections the call's corrections now, the newest first
	 */
	record Corrected(List<String> changes, List<Correction> corrections) {
	}

	/**
	 * @param kind LIST, NUMBER, BOOLEAN, TEXT or DATE
	 * @param label the fact's name in the reader's language
	 */
	record CorrectableFact(String name, String kind, String label) {
	}

}
