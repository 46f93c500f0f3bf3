package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an awarded application brought, as last recorded (earlier records are kept).
 *
 * @param documentType the cooperation document it led to (CONVENIO, DONACION,
 * HERMANAMIENTO: the list in {@code convoca.tracking.document-types}); null until known
 * @param documentReference e.g. "Convenio N° 045-2026-MML"
 */
public record Award(BigDecimal amount, String currency, LocalDate awardedOn, String documentType,
		String documentReference, String recordedBy, Instant recordedAt) {

}
