package pe.gob.munlima.convoca.notify;

/** An e-mail ready to send: subject and both parts, as every message carries. */
record RenderedMail(String subject, String text, String html) {

}
