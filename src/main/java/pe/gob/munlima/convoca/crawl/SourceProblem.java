package pe.gob.munlima.convoca.crawl;

/** Why a source definition file was skipped: which file and which field. */
record SourceProblem(String file, String field, String message) {

	@Override
	public String toString() {
		return this.file + " [" + this.field + "]: " + this.message;
	}

}
