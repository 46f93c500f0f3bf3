package pe.gob.munlima.convoca.project;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Validator;

import pe.gob.munlima.convoca.call.ThemeThesaurus;
import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * What every page with the project form needs: the choices of its lists, and the check of
 * what was posted against the API's rules, errors set on the fields.
 */
@Component
public class ProjectFormSupport {

	/** The currencies funders state amounts in most; the rate table converts them. */
	static final List<String> CURRENCIES = List.of("PEN", "USD", "EUR", "GBP", "CAD", "CHF", "JPY", "KRW", "BRL");

	static final List<String> LANGUAGES = List.of("es", "en", "fr", "pt");

	private final Projects projects;

	private final ThemeThesaurus themes;

	private final AccessControl access;

	private final SpringValidatorAdapter validator;

	private final MessageSource messages;

	ProjectFormSupport(Projects projects, ThemeThesaurus themes, AccessControl access, Validator validator,
			MessageSource messages) {
		this.projects = projects;
		this.themes = themes;
		this.access = access;
		this.validator = new SpringValidatorAdapter(validator);
		this.messages = messages;
	}

	/**
	 * An empty form; a project owner's gerencia is chosen already, theirs being the one.
	 */
	public ProjectFields blank() {
		ProjectFields fields = new ProjectFields();
		fields.setGerencia(this.access.currentUser().map(UserProfile::gerencia).orElse(null));
		return fields;
	}

	/**
	 * @param ownGerenciasOnly only the gerencias the user may act for (to create or
	 * edit); all of them to check an unsaved project
	 */
	public Choices choices(boolean ownGerenciasOnly) {
		List<GerenciaProfile> gerencias = this.projects.gerencias()
			.stream()
			.filter(gerencia -> !ownGerenciasOnly || this.access.mayActFor(gerencia.code()))
			.toList();
		return new Choices(themesByLabel(), gerencias, CURRENCIES, LANGUAGES);
	}

	/**
	 * Theme ids in the order of their labels in the reader's language, as they are read.
	 */
	private List<String> themesByLabel() {
		Locale locale = LocaleContextHolder.getLocale();
		Collator collator = Collator.getInstance(locale);
		return this.themes.themes()
			.stream()
			.sorted(Comparator.comparing((String id) -> this.messages.getMessage("term." + id, null, id, locale),
					collator))
			.toList();
	}

	/**
	 * Checks the posted fields as the API checks its body; each error is set on its field
	 * of {@code binding}.
	 * @return the form to hand to {@link Projects}, or null when it has errors
	 */
	public ProjectForm validate(ProjectFields fields, BindingResult binding) {
		ProjectForm form = fields.toForm();
		BindingResult checked = new BeanPropertyBindingResult(fields, binding.getObjectName());
		this.validator.validate(form, checked);
		// A field the browser sent in the wrong shape ("abc" as an amount) already says
		// so;
		// "must not be null" beside it would only confuse.
		checked.getFieldErrors()
			.stream()
			.filter(error -> !binding.hasFieldErrors(error.getField()))
			.forEach(binding::addError);
		return binding.hasErrors() ? null : form;
	}

	/**
	 * Puts a refusal of the portfolio (duplicate code, unknown gerencia) on its field.
	 */
	public void reject(ProjectRejectedException refused, BindingResult binding) {
		binding.rejectValue(refused.field(), refused.getDetailMessageCode(), refused.getDetailMessageArguments(),
				refused.getMessage());
	}

	/**
	 * The lists of the project form; theme ids are shown with their labels.
	 */
	public record Choices(List<String> themes, List<GerenciaProfile> gerencias, List<String> currencies,
			List<String> languages) {
	}

}
