/**
 * The municipality as an applicant: Lima's organisation profile, its gerencias with their
 * competences, and the projects in their portfolio ("proyectos en cartera"). Other
 * modules read them through {@link pe.gob.munlima.convoca.project.Projects} as immutable
 * records. The profile is data (classpath {@code organisation/lima.yaml},
 * {@code convoca.organisation.profile}) written into the database at the first start,
 * with demo data or without: every call is judged against it.
 * <p>
 * Pages: the portfolio ({@code /proyectos}), the form to create or edit a project
 * ({@link pe.gob.munlima.convoca.project.ProjectFields}, also used by the match module's
 * "¿Mi proyecto califica?"), the gerencias ({@code /gerencias}), a project's page
 * ({@code /proyectos/{id}}) and a gerencia's ({@code /gerencias/{code}}). The last two
 * show the project's or the gerencia's own data, then the sections other modules
 * contribute: {@link pe.gob.munlima.convoca.project.ProjectPageSection} and
 * {@link pe.gob.munlima.convoca.project.GerenciaPageSection} beans, each with a Thymeleaf
 * fragment the page includes by name, in order (the match module's verdicts, the
 * programme module's "Se abrirán pronto"). This module so serves the pages without
 * knowing those modules, which depend on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call", "security", "validation" })
package pe.gob.munlima.convoca.project;
