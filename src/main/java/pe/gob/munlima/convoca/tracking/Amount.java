package pe.gob.munlima.convoca.tracking;

import java.math.BigDecimal;

/** Money as given: an amount in an ISO 4217 currency. */
public record Amount(BigDecimal amount, String currency) {

}
