package pe.gob.munlima.convoca.match;

import pe.gob.munlima.convoca.rules.Severity;

/**
 * A finding rendered in the reader's language.
 *
 * @param evidence the sentence of the call (or the field) the rule relied on
 * @param fix what would repair it; null when nothing can be done
 */
public record ReasonText(String ruleId, Severity severity, String message, String evidence, String fix) {

}
