/**
 * Who is using Convoca and what they may do: users stored in PostgreSQL with hashed
 * passwords, three roles in a hierarchy (ADMIN &gt; SUBGERENCIA &gt; PROJECT_OWNER, a
 * project owner bound to one gerencia), form login with a session and CSRF for pages,
 * stateless HTTP Basic or personal API tokens for {@code /api/**}, 401/403 as
 * problem+json, login throttling (429 with Retry-After), the security headers, the first
 * administrator and the demo users.
 * <p>
 * The module is named {@code security}. Other modules use only its public types:
 * <ul>
 * <li>{@link pe.gob.munlima.convoca.security.AccessControl} — the acting user
 * ({@code currentUser()}, {@code actor()}) and the gerencia check
 * ({@code mayActFor(gerencia)}, {@code checkActFor(gerencia)}, which throws a 403).</li>
 * <li>{@link pe.gob.munlima.convoca.security.UserProfile} and
 * {@link pe.gob.munlima.convoca.security.Role} — what is known of a user;
 * {@link pe.gob.munlima.convoca.security.UserDirectory} finds users (e.g. the project
 * owners of a gerencia, to e-mail them).</li>
 * <li>{@link pe.gob.munlima.convoca.security.GerenciaDirectory} — implemented by the
 * project module, so that this module validates a project owner's gerencia without
 * depending on it (project depends on security, never the reverse).</li>
 * </ul>
 * Which role reaches which URL is in one place, {@code SecurityConfiguration}.
 * <p>
 * Pages: Administración › Usuarios ({@code /admin/usuarios}, ADMIN).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.munlima.convoca.security;
