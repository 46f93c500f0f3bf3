package pe.gob.munlima.convoca.notify;

/**
 * Someone used an unsubscribe link: {@code subscription} receives nothing more. Published
 * in the transaction that records it, so a synchronous listener (the module that owns the
 * preference behind the subscription) turns it off in the same commit. The event is
 * published again for a second click, which a listener must tolerate.
 */
public record Unsubscribed(String subscription) {

}
