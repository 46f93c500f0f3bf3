package pe.gob.munlima.convoca.rules;

/** A compile error in a rule file, where an admin can find it. */
public record RuleError(String file, int line, String message) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.message;
	}

}
