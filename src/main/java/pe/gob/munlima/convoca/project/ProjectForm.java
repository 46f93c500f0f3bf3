package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A project as a gerencia writes it: to create or edit a project, or to check an unsaved
 * one against the open calls.
 *
 * @param gerencia the gerencia's code (GMU, PROLIMA ...)
 * @param currency ISO 4217 code of the amounts (PEN, USD, EUR ...)
 */
public record ProjectForm(@NotBlank @Size(max = 60) String code, @NotBlank String gerencia,
		@NotBlank @Size(max = 300) String title, @NotNull @Size(max = 5000) String description,
		@NotEmpty List<String> themes, @NotNull @DecimalMin("0") BigDecimal budget,
		@NotNull @DecimalMin("0") BigDecimal requestedAmount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		@NotNull @DecimalMin("0") BigDecimal coFinancingAvailable, @Min(1) @Max(240) int durationMonths,
		List<String> partners, List<String> languages) {

	ProjectData data() {
		return new ProjectData(this.title, this.description, this.themes, this.budget, this.requestedAmount,
				this.currency, this.coFinancingAvailable, this.durationMonths, this.partners, this.languages);
	}

}
