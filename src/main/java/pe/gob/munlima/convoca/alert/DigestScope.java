package pe.gob.munlima.convoca.alert;

/** Names of digest scopes: the whole office, or a gerencia by its code. */
final class DigestScope {

	static final String OFFICE = "oficina";

	private DigestScope() {
	}

}
