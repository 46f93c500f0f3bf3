package pe.gob.munlima.convoca.project;

/** Request bodies the tests of several modules send for a project. */
public final class ProjectFixtures {

	/**
	 * A valid project: Quechua among its languages and a line break in its description,
	 * both allowed; every edge-validation test changes one field of it.
	 */
	public static final String VALID_PROJECT = """
			{"code": "P-EDGE-1", "gerencia": "GMU", "title": "Ciclovías para Lima Norte",
			 "description": "Red de ciclovías.\\nSegunda línea.", "themes": ["mobility"],
			 "budget": 1000000, "requestedAmount": 500000, "currency": "PEN",
			 "coFinancingAvailable": 100000, "durationMonths": 24,
			 "partners": ["ONG Ciudad"], "languages": ["es", "qu"]}
			""";

	private ProjectFixtures() {
	}

}
