package pe.gob.munlima.convoca.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import pe.gob.munlima.convoca.security.AccessControl;
import pe.gob.munlima.convoca.security.Role;
import pe.gob.munlima.convoca.security.UserProfile;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout shows around every page: the user, the navigation and the language
 * switch. The navigation lists the sections of Convoca; a section appears once some
 * controller answers GET on its path, and only to the roles that may open it, so the
 * header never links to a page that does not exist or is forbidden.
 */
@Component
class Shell {

	/** The sections, in header order; the message key names each. */
	static final List<Section> SECTIONS = List.of(new Section("nav.panel", "/", Role.PROJECT_OWNER),
			new Section("nav.calls", "/convocatorias", Role.PROJECT_OWNER),
			new Section("nav.programmes", "/programas", Role.PROJECT_OWNER),
			new Section("nav.projects", "/proyectos", Role.PROJECT_OWNER),
			new Section("nav.applications", "/postulaciones", Role.PROJECT_OWNER),
			new Section("nav.answers", "/respuestas", Role.PROJECT_OWNER),
			new Section("nav.gerencias", "/gerencias", Role.PROJECT_OWNER),
			new Section("nav.donors", "/donantes", Role.PROJECT_OWNER),
			new Section("nav.reports", "/informes", Role.PROJECT_OWNER),
			new Section("nav.alerts", "/alertas", Role.PROJECT_OWNER),
			new Section("nav.admin", "/admin", Role.SUBGERENCIA));

	private final AccessControl access;

	private volatile Set<String> pages = Set.of();

	Shell(AccessControl access) {
		this.access = access;
	}

	/**
	 * The GET paths controllers map, read once the application has started (the MVC
	 * configuration needs this bean, so it cannot be injected here).
	 */
	@EventListener
	void readPages(ContextRefreshedEvent event) {
		RequestMappingHandlerMapping mappings = event.getApplicationContext()
			.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		Set<String> found = new HashSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.stream().anyMatch(method -> method.asHttpMethod() == HttpMethod.GET)) {
				found.addAll(info.getPatternValues());
			}
		}
		this.pages = Set.copyOf(found);
	}

	ShellView view(HttpServletRequest request) {
		UserProfile user = this.access.currentUser().orElse(null);
		String path = pagePath(request);
		List<Link> navigation = user == null ? List.of()
				: SECTIONS.stream()
					.filter(section -> this.pages.contains(section.path()) && user.has(section.role()))
					.map(section -> new Link(section.key(), section.path(), isCurrent(section.path(), path)))
					.toList();
		Locale locale = LocaleContextHolder.getLocale();
		return new ShellView(user, navigation, LanguageResolver.supported(locale).getLanguage(),
				languageUrl(request, path, "es"), languageUrl(request, path, "en"));
	}

	private static boolean isCurrent(String section, String path) {
		return "/".equals(section) ? "/".equals(path) : path.equals(section) || path.startsWith(section + "/");
	}

	/** The page's path; on an error page, the path that failed. */
	private static String pagePath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed instanceof String text ? text : request.getRequestURI();
		return uri.substring(request.getContextPath().length());
	}

	private static String languageUrl(HttpServletRequest request, String path, String language) {
		boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
		return UriComponentsBuilder.fromPath(request.getContextPath() + path)
			.query(error ? null : request.getQueryString())
			.replaceQueryParam("lang", language)
			.build()
			.toUriString();
	}

	record Section(String key, String path, Role role) {
	}

	/**
	 * @param user the logged-in user; null on the login page
	 * @param language {@code es} or {@code en}
	 */
	public record ShellView(UserProfile user, List<Link> navigation, String language, String spanishUrl,
			String englishUrl) {
	}

	public record Link(String key, String path, boolean current) {
	}

}
