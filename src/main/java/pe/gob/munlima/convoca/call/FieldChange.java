package pe.gob.munlima.convoca.call;

/**
 * One field of a call that changed between two fetches, as text (dates as ISO instants,
 * lists joined by ", "); null stands for "not stated".
 */
public record FieldChange(String field, String before, String after) {

}
