/**
 * The municipality as an applicant: Lima's organisation profile, its gerencias with their
 * competences, and the projects in their portfolio ("proyectos en cartera"). Other
 * modules read them through {@link pe.gob.munlima.convoca.project.Projects} as immutable
 * records.
 * <p>
 * Pages: the portfolio ({@code /proyectos}), the form to create or edit a project
 * ({@link pe.gob.munlima.convoca.project.ProjectFields}, also used by the match module's
 * "¿Mi proyecto califica?") and the gerencias ({@code /gerencias}). A project's own page,
 * with its verdicts, is the match module's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "call", "security", "validation" })
package pe.gob.munlima.convoca.project;
