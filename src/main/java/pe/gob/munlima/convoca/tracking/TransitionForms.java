package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;

import pe.gob.munlima.convoca.validation.PlainText;

/** What the API and the pages send to move an application or record its award. */
final class TransitionForms {

	/**
	 * As for projects: NUMERIC(16,2) holds it, and no grant is larger. (Currencies are
	 * checked by the pipeline, which also takes "usd" and answers 422 with the code.)
	 */
	static final String MAX_AMOUNT = "1000000000000";

	private TransitionForms() {
	}

	/**
	 * A move to another stage.
	 *
	 * @param to the stage: {@code APPLYING} or the office's word, {@code postulando}
	 * @param reason why it is discarded (only for "descartada"): a code of the list
	 * @param note free text: who decided, what was agreed
	 * @param award what was granted (only, and always, for "adjudicada")
	 * @param requested what is asked of the funder (only for "presentada"); the project's
	 * requested amount when left out
	 */
	record Transition(@Size(max = 60) @PlainText String to, @Size(max = 60) @PlainText String reason,
			@Size(max = 5000) @PlainText(multiline = true) String note, @Valid AwardForm award,
			@Valid AmountForm requested) {
	}

	/**
	 * @param documentType CONVENIO, DONACION or HERMANAMIENTO (the configured list)
	 * @param documentReference e.g. "Convenio N° 045-2026-MML"
	 */
	record AwardForm(@DecimalMax(MAX_AMOUNT) BigDecimal amount, @Size(max = 10) String currency, LocalDate awardedOn,
			@Size(max = 60) @PlainText String documentType, @Size(max = 300) @PlainText String documentReference) {
	}

	record AmountForm(@DecimalMax(MAX_AMOUNT) BigDecimal amount, @Size(max = 10) String currency) {
	}

}
