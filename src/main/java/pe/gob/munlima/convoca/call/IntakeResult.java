package pe.gob.munlima.convoca.call;

import java.util.List;

/**
 * What one batch of raw calls did to the store.
 *
 * @param updated calls whose values changed, including a call found again on another
 * source (it gains a link)
 * @param closed calls that closed in this batch: their source marked them closed, their
 * deadline passed, or a complete listing no longer showed them
 */
public record IntakeResult(int received, int created, int updated, int unchanged, int closed, List<String> errors) {

}
