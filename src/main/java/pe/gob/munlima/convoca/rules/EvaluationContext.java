package pe.gob.munlima.convoca.rules;

import java.time.LocalDate;

/**
 * When the evaluation happens and the thresholds admins tune.
 *
 * @param today the current date in Lima
 * @param leadDays days the municipality needs between deciding to apply and the deadline
 * (an Acuerdo de Concejo takes weeks)
 */
public record EvaluationContext(LocalDate today, int leadDays) {

	public LocalDate lastDayToStart() {
		return this.today.plusDays(this.leadDays);
	}

}
