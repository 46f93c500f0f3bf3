package pe.gob.munlima.convoca.call;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.ui.Model;

/**
 * A part of a call's page ({@code /convocatorias/{id}}) that another module contributes:
 * the verdicts of the projects judged for the call, the programme it is a round of. This
 * module serves the page and shows the call's own data; it knows the sections only
 * through this interface, so the modules that judge or group calls depend on this one and
 * never the reverse. A module adds a section by declaring a bean; with none, the page
 * shows the call alone.
 * <p>
 * The sections of one {@link Place} are shown in their {@link #getOrder() order}, lowest
 * first. A section puts what its fragment reads into the page's model: the names share
 * the page with the call's own ({@code call}, {@code versions}, {@code corrections},
 * {@code mayCorrect}, {@code correctable}, {@code summaryHtml}), which a section must not
 * replace.
 */
public interface CallPageSection extends Ordered {

	/** Where on the page the section shows. */
	enum Place {

		/** Under the call's title, in its heading. */
		HEADING,

		/** In the page's body, after the summary and before the office's corrections. */
		BODY

	}

	Place place();

	/**
	 * The Thymeleaf fragment that shows the section, as {@code template :: selector}
	 * (e.g. {@code matches/sections :: call}); the page includes it as it is.
	 */
	String fragment();

	/** Adds what the fragment reads to the model, for the call the page shows. */
	void contribute(CallView call, Locale locale, Model model);

}
