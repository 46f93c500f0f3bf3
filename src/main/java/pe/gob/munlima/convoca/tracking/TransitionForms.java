package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the API and the pages send to move an application or record its award. */
final class TransitionForms {

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
	record Transition(String to, String reason, String note, AwardForm award, AmountForm requested) {
	}

	/**
	 * @param documentType CONVENIO, DONACION or HERMANAMIENTO (the configured list)
	 * @param documentReference e.g. "Convenio N° 045-2026-MML"
	 */
	record AwardForm(BigDecimal amount, String currency, LocalDate awardedOn, String documentType,
			String documentReference) {
	}

	record AmountForm(BigDecimal amount, String currency) {
	}

}
