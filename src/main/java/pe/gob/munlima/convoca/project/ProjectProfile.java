package pe.gob.munlima.convoca.project;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the matching module knows of a project.
 *
 * @param requestedAmount what the project asks a funder for, in {@code currency}
 * @param coFinancingAvailable own funds the municipality can add, in {@code currency}
 */
public record ProjectProfile(long id, String code, GerenciaProfile gerencia, String title, String description,
		List<String> themes, BigDecimal budget, BigDecimal requestedAmount, String currency,
		BigDecimal coFinancingAvailable, int durationMonths, List<String> partners, List<String> languages) {

}
