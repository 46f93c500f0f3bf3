package pe.gob.munlima.convoca.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import pe.gob.munlima.convoca.requirement.GivenRequirements;
import pe.gob.munlima.convoca.requirement.Requirements;
import pe.gob.munlima.convoca.call.CallView;

/** A call for search tests, with only what the index reads. */
final class TestCall {

	private final long id;

	private final String language;

	private final String title;

	private String summary = "";

	private String funder = "Fondo de prueba";

	private String source = "prueba";

	private String status = "OPEN";

	private Instant deadline;

	private Instant published = Instant.parse("2026-11-01T00:00:00Z");

	private BigDecimal amount;

	private String currency;

	private List<String> themes = List.of();

	private List<String> applicantTypes = List.of();

	private List<String> regions = List.of();

	private TestCall(long id, String language, String title) {
		this.id = id;
		this.language = language;
		this.title = title;
	}

	static TestCall call(long id, String language, String title) {
		return new TestCall(id, language, title);
	}

	TestCall summary(String text) {
		this.summary = text;
		return this;
	}

	TestCall funder(String name) {
		this.funder = name;
		return this;
	}

	TestCall source(String id) {
		this.source = id;
		return this;
	}

	TestCall status(String value) {
		this.status = value;
		return this;
	}

	TestCall deadline(Instant at) {
		this.deadline = at;
		return this;
	}

	TestCall published(String at) {
		this.published = Instant.parse(at);
		return this;
	}

	TestCall amount(long value, String code) {
		this.amount = BigDecimal.valueOf(value);
		this.currency = code;
		return this;
	}

	TestCall themes(String... ids) {
		this.themes = List.of(ids);
		return this;
	}

	TestCall applicants(String... types) {
		this.applicantTypes = List.of(types);
		return this;
	}

	TestCall regions(String... ids) {
		this.regions = List.of(ids);
		return this;
	}

	CallView view() {
		return new CallView(this.id, this.source, "ext-" + this.id, "https://funder.example/calls/" + this.id,
				this.funder, this.title, this.summary, this.summary, this.language, this.published, null, this.deadline,
				this.deadline == null ? null : "America/Lima", this.status, this.themes,
				GivenRequirements.of("amountMax", this.amount, "currency", this.currency, "applicantTypes",
						this.applicantTypes, "eligibleGeographies", this.regions, "reimbursable", false),
				Map.of(), this.published, this.published, null, null, null, null, List.of(), List.of());
	}

}
