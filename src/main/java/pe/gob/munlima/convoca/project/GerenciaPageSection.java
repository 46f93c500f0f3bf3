package pe.gob.munlima.convoca.project;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.ui.Model;

/**
 * A part of a gerencia's page ({@code /gerencias/{code}}) that another module
 * contributes, such as the calls that fit the gerencia but none of its projects; the same
 * seam as {@link ProjectPageSection}, for the gerencia. The sections are shown below the
 * gerencia's projects in their {@link #getOrder() order}, lowest first, beside the page's
 * own {@code gerencia} and {@code projects}.
 */
public interface GerenciaPageSection extends Ordered {

	/**
	 * The Thymeleaf fragment that shows the section, as {@code template :: selector}; the
	 * page includes it as it is.
	 */
	String fragment();

	/** Adds what the fragment reads to the model, for the gerencia the page shows. */
	void contribute(GerenciaProfile gerencia, Locale locale, Model model);

}
