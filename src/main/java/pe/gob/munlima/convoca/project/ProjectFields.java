package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The project form of the pages (create, edit, "¿Mi proyecto califica?"), as the browser
 * posts it: a mutable bean so that what the user typed comes back with the errors beside
 * each field. Partners are one per line. It is checked by validating {@link #toForm()},
 * the API's {@link ProjectForm}, whose fields have the same names, so the rules are
 * written once.
 */
public class ProjectFields {

	private String code;

	private String gerencia;

	private String title;

	private String description;

	private List<String> themes = new ArrayList<>();

	private BigDecimal budget;

	private BigDecimal requestedAmount;

	private String currency = "PEN";

	private BigDecimal coFinancingAvailable;

	private Integer durationMonths;

	private String partners;

	private List<String> languages = new ArrayList<>(List.of("es"));

	/** The form filled in with a stored project, to edit it. */
	public static ProjectFields of(ProjectProfile project) {
		ProjectFields fields = new ProjectFields();
		fields.code = project.code();
		fields.gerencia = project.gerencia().code();
		fields.title = project.title();
		fields.description = project.description();
		fields.themes = new ArrayList<>(project.themes());
		fields.budget = project.budget();
		fields.requestedAmount = project.requestedAmount();
		fields.currency = project.currency();
		fields.coFinancingAvailable = project.coFinancingAvailable();
		fields.durationMonths = project.durationMonths();
		fields.partners = String.join("\n", project.partners());
		fields.languages = new ArrayList<>(project.languages());
		return fields;
	}

	/** What the API would receive; blank text is empty, a missing duration is 0. */
	public ProjectForm toForm() {
		return new ProjectForm(strip(this.code), strip(this.gerencia), strip(this.title),
				this.description == null ? "" : this.description.strip(),
				this.themes == null ? List.of() : List.copyOf(this.themes), this.budget, this.requestedAmount,
				strip(this.currency), this.coFinancingAvailable, this.durationMonths == null ? 0 : this.durationMonths,
				lines(this.partners),
				this.languages == null || this.languages.isEmpty() ? List.of("es") : List.copyOf(this.languages));
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\r\\n]+")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getGerencia() {
		return this.gerencia;
	}

	public void setGerencia(String gerencia) {
		this.gerencia = gerencia;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<String> getThemes() {
		return this.themes;
	}

	public void setThemes(List<String> themes) {
		this.themes = themes;
	}

	public BigDecimal getBudget() {
		return this.budget;
	}

	public void setBudget(BigDecimal budget) {
		this.budget = budget;
	}

	public BigDecimal getRequestedAmount() {
		return this.requestedAmount;
	}

	public void setRequestedAmount(BigDecimal requestedAmount) {
		this.requestedAmount = requestedAmount;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public BigDecimal getCoFinancingAvailable() {
		return this.coFinancingAvailable;
	}

	public void setCoFinancingAvailable(BigDecimal coFinancingAvailable) {
		this.coFinancingAvailable = coFinancingAvailable;
	}

	public Integer getDurationMonths() {
		return this.durationMonths;
	}

	public void setDurationMonths(Integer durationMonths) {
		this.durationMonths = durationMonths;
	}

	public String getPartners() {
		return this.partners;
	}

	public void setPartners(String partners) {
		this.partners = partners;
	}

	public List<String> getLanguages() {
		return this.languages;
	}

	public void setLanguages(List<String> languages) {
		this.languages = languages;
	}

}
