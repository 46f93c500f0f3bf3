package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import pe.gob.munlima.convoca.validation.IsoCurrency;
import pe.gob.munlima.convoca.validation.KnownLanguage;
import pe.gob.munlima.convoca.validation.KnownTheme;
import pe.gob.munlima.convoca.validation.PlainText;

/**
 * A project as a gerencia writes it: to create or edit a project, or to check an unsaved
 * one against the open calls. Every field is bounded here, at the edge, so a malformed
 * project is a 400 naming the field rather than a database error (the table has the same
 * bounds as CHECK constraints, V61).
 *
 * @param gerencia the gerencia's code (GMU, PROLIMA ...)
 * @param themes theme ids of reading/vocabulary.yaml, at most {@value #MAX_THEMES}
 * @param budget amounts up to {@value #MAX_AMOUNT} (a trillion; NUMERIC(16,2) in the
 * table)
 * @param currency ISO 4217 code of the amounts (PEN, USD, EUR ...)
 * @param durationMonths whole months: 1.5 is refused, not rounded
 * @param languages ISO 639-1 codes of the languages the team can apply in
 */
public record ProjectForm(@NotBlank @Size(max = 60) @PlainText String code,
		@NotBlank @Size(max = 60) @PlainText String gerencia, @NotBlank @Size(max = 300) @PlainText String title,
		@NotNull @Size(max = 5000) @PlainText(multiline = true) String description,
		@NotEmpty @Size(max = MAX_THEMES) List<@NotNull @KnownTheme String> themes,
		@NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) BigDecimal budget,
		@NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) BigDecimal requestedAmount,
		@NotNull @IsoCurrency String currency,
		@NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) BigDecimal coFinancingAvailable,
		@Min(1) @Max(240) int durationMonths,
		@Size(max = MAX_PARTNERS) List<@NotNull @Size(max = 200) @PlainText String> partners,
		@Size(max = MAX_LANGUAGES) List<@NotNull @KnownLanguage String> languages) {

	static final int MAX_THEMES = 20;

	static final int MAX_PARTNERS = 50;

	static final int MAX_LANGUAGES = 10;

	static final String MAX_AMOUNT = "1000000000000";

	ProjectData data() {
		return new ProjectData(this.title, this.description, this.themes, this.budget, this.requestedAmount,
				this.currency, this.coFinancingAvailable, this.durationMonths, this.partners, this.languages);
	}

}
