package pe.gob.munlima.convoca.project;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.ui.Model;

/**
 * A part of a project's page ({@code /proyectos/{id}}) that another module contributes:
 * the calls judged for the project, the programmes expected to open soon. This module
 * serves the page and shows the project's own data; it knows the sections only through
 * this interface, so the modules that judge projects depend on this one and never the
 * reverse. A module adds a section by declaring a bean; with none, the page shows the
 * project alone.
 * <p>
 * The sections are shown below the project's data in their {@link #getOrder() order},
 * lowest first. A section puts what its fragment reads into the page's model, beside the
 * page's own {@code project} and {@code mayEdit}, which it must not replace.
 */
public interface ProjectPageSection extends Ordered {

	/**
	 * The Thymeleaf fragment that shows the section, as {@code template :: selector}; the
	 * page includes it as it is.
	 */
	String fragment();

	/** Adds what the fragment reads to the model, for the project the page shows. */
	void contribute(ProjectProfile project, Locale locale, Model model);

}
