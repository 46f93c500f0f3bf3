package pe.gob.munlima.convoca.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may reach what: the one place that maps URLs to roles.
 * <p>
 * Two filter chains. The API ({@code /api/**}, {@code /v3/api-docs}, actuator) is
 * stateless for scripts: HTTP Basic or a personal token on every request, no session
 * created, no CSRF token needed, 401/403 as problem+json. A browser already logged in to
 * the pages may call the API with its session cookie (the pages' own scripts, Swagger
 * UI): then, and only then, a write needs the CSRF token ({@code X-CSRF-TOKEN} header,
 * the layout puts it in a meta tag), because only a cookie can be sent by another site.
 * The pages use form login, a session and CSRF on every form. Both logins, the form and
 * HTTP Basic, are throttled per user name and per address ({@link LoginThrottle}).
 * <p>
 * Roles, each including the ones after it: ADMIN &gt; SUBGERENCIA &gt; PROJECT_OWNER.
 * <table>
 * <caption>API access</caption>
 * <tr>
 * <th>path</th>
 * <th>role</th>
 * </tr>
 * <tr>
 * <td>/actuator/health</td>
 * <td>anyone (details to ADMIN)</td>
 * </tr>
 * <tr>
 * <td>/api/admin/users/**, POST /api/admin/rules/{activate,rollback,reload}, other
 * actuator endpoints</td>
 * <td>ADMIN</td>
 * </tr>
 * <tr>
 * <td>/api/admin/** (sources run/test, import, index, re-match, rule drafts and dry
 * run)</td>
 * <td>SUBGERENCIA</td>
 * </tr>
 * <tr>
 * <td>everything else under /api (reads; project create/edit checked per gerencia by the
 * project module)</td>
 * <td>PROJECT_OWNER</td>
 * </tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Also used by {@code @PreAuthorize} and Thymeleaf's {@code sec:authorize}. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.SUBGERENCIA.name())
			.role(Role.SUBGERENCIA.name())
			.implies(Role.PROJECT_OWNER.name())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder(Passwords passwords) {
		return passwords.encoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, ApiTokens tokens, Accounts accounts,
			SecuritySettings settings, LoginThrottle throttle) throws Exception {
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(settings.publicPaths().stream().map(path -> "/api" + path).toArray(String[]::new))
				.permitAll()
				.requestMatchers("/actuator", "/actuator/**", "/api/admin/users", "/api/admin/users/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/admin/rules/activate", "/api/admin/rules/rollback",
						"/api/admin/rules/reload")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/api/admin/**")
				.hasRole(Role.SUBGERENCIA.name())
				.anyRequest()
				.hasRole(Role.PROJECT_OWNER.name()))
			.httpBasic(basic -> basic.realmName("Convoca").authenticationEntryPoint(problems))
			.addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, problems, LoginThrottleFilter.Kind.BASIC),
					BasicAuthenticationFilter.class)
			.addFilterAfter(new SessionAccountFilter(accounts), SecurityContextHolderFilter.class)
			// Read a page session if there is one, never create one.
			.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
					new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::browserSessionWrite))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Accounts accounts, SecuritySettings settings, LoginThrottle throttle,
			ProblemResponses problems) throws Exception {
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico")
					.permitAll()
					.requestMatchers(settings.publicPaths().toArray(String[]::new))
					.permitAll()
					.requestMatchers("/admin/usuarios", "/admin/usuarios/**")
					.hasRole(Role.ADMIN.name())
					.requestMatchers(HttpMethod.POST, "/admin/reglas/activar", "/admin/reglas/revertir")
					.hasRole(Role.ADMIN.name())
					.requestMatchers("/admin", "/admin/**")
					.hasRole(Role.SUBGERENCIA.name())
					.anyRequest()
					.hasRole(Role.PROJECT_OWNER.name()))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.addFilterBefore(new LoginThrottleFilter(throttle, problems, LoginThrottleFilter.Kind.FORM),
					UsernamePasswordAuthenticationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.addFilterAfter(new SessionAccountFilter(accounts), SecurityContextHolderFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * A write that relies on the session cookie alone. With an Authorization header
	 * (Basic or token) a request cannot come from another site's form.
	 */
	static boolean browserSessionWrite(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& request.getSession(false) != null;
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.addHeaderWriter(new SecurityHeaders())
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			// Sent on https only (Spring Security's default); a year, as browsers'
			// preload
			// lists expect.
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

}
