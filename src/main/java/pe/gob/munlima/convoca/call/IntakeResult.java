package pe.gob.munlima.convoca.call;

import java.util.List;

/** What one batch of raw calls did to the store. */
public record IntakeResult(int received, int created, int updated, int unchanged, List<String> errors) {

}
