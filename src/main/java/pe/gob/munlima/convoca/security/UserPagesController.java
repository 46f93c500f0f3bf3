package pe.gob.munlima.convoca.security;

import java.util.Map;

import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administración › Usuarios, for administrators only (SecurityConfiguration): the users,
 * a new one, and a user's role, gerencia, state or password changed. The rules are those
 * of the API ({@link UserAdmin}); a refusal is shown at the field it concerns.
 */
@Controller
class UserPagesController {

	/** Which field a refusal of {@link UserAdmin} is about, by its message code. */
	private static final Map<String, String> FIELD_OF = Map.ofEntries(
			Map.entry("user.problem.duplicateUsername", "username"), Map.entry("user.problem.duplicateEmail", "email"),
			Map.entry("user.problem.gerenciaRequired", "gerencia"),
			Map.entry("user.problem.gerenciaNotAllowed", "gerencia"),
			Map.entry("user.problem.unknownGerencia", "gerencia"),
			Map.entry("user.problem.passwordTooShort", "password"),
			Map.entry("user.problem.passwordTooLong", "password"),
			Map.entry("user.problem.passwordIsUsername", "password"), Map.entry("user.problem.lastAdmin", "role"));

	private final UserAdmin users;

	private final GerenciaDirectory gerencias;

	private final AccessControl access;

	private final SpringValidatorAdapter validator;

	UserPagesController(UserAdmin users, GerenciaDirectory gerencias, AccessControl access, Validator validator) {
		this.users = users;
		this.gerencias = gerencias;
		this.access = access;
		this.validator = new SpringValidatorAdapter(validator);
	}

	@GetMapping("/admin/usuarios")
	String users(Model model) {
		return list(new UserFields(), model);
	}

	@PostMapping("/admin/usuarios")
	String create(@ModelAttribute("user") UserFields fields, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		UserForms.NewUser form = fields.toNewUser();
		if (!valid(form, binding)) {
			return list(fields, model);
		}
		try {
			UserForms.UserView created = this.users.create(form, this.access.actor());
			redirect.addFlashAttribute("created", created.username());
			return "redirect:/admin/usuarios";
		}
		catch (UserRejectedException refused) {
			reject(refused, binding);
			return list(fields, model);
		}
	}

	@GetMapping("/admin/usuarios/{username}")
	String user(@PathVariable String username, Model model) {
		UserForms.UserView user = this.users.get(username);
		return edit(user, UserFields.of(user), model);
	}

	@PostMapping("/admin/usuarios/{username}")
	String update(@PathVariable String username, @ModelAttribute("user") UserFields fields, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		UserForms.UserView user = this.users.get(username);
		fields.setUsername(user.username());
		UserForms.UserChange change = fields.toChange();
		if (!valid(change, binding)) {
			return edit(user, fields, model);
		}
		try {
			this.users.update(username, change, this.access.actor());
			redirect.addFlashAttribute("updated", user.username());
			return "redirect:/admin/usuarios";
		}
		catch (UserRejectedException refused) {
			reject(refused, binding);
			return edit(user, fields, model);
		}
	}

	private String list(UserFields fields, Model model) {
		model.addAttribute("users", this.users.list());
		model.addAttribute("user", fields);
		model.addAttribute("roles", Role.values());
		model.addAttribute("gerencias", this.gerencias.all());
		return "admin/users";
	}

	private String edit(UserForms.UserView existing, UserFields fields, Model model) {
		model.addAttribute("existing", existing);
		model.addAttribute("user", fields);
		model.addAttribute("roles", Role.values());
		model.addAttribute("gerencias", this.gerencias.all());
		return "admin/user";
	}

	/**
	 * The API's rules on the API's body; errors land on the page's fields (same names),
	 * except where the browser already sent a value of the wrong shape.
	 */
	private boolean valid(Object form, BindingResult binding) {
		BindingResult checked = new BeanPropertyBindingResult(binding.getTarget(), binding.getObjectName());
		this.validator.validate(form, checked);
		checked.getFieldErrors()
			.stream()
			.filter(error -> !binding.hasFieldErrors(error.getField()))
			.forEach(binding::addError);
		return !binding.hasErrors();
	}

	private static void reject(UserRejectedException refused, BindingResult binding) {
		String field = FIELD_OF.get(refused.getDetailMessageCode());
		if (field == null) {
			binding.reject(refused.getDetailMessageCode(), refused.getDetailMessageArguments(), refused.getMessage());
		}
		else {
			binding.rejectValue(field, refused.getDetailMessageCode(), refused.getDetailMessageArguments(),
					refused.getMessage());
		}
	}

}
