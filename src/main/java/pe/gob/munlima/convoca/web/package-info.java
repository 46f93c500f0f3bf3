/**
 * The web shell every page shares, and the conventions of the REST API.
 * <ul>
 * <li>Pages: Thymeleaf templates under {@code templates/} that use the layout
 * ({@code layout.html}: header, navigation, language switch, logout); Spanish by default,
 * English with {@code ?lang=en} (remembered in a cookie); dates and money formatted for
 * Peru by the {@code @peru} bean ({@link pe.gob.munlima.convoca.web.PeruFormat}). The
 * navigation is data-driven: a link appears once a controller maps its path
 * ({@code /convocatorias}, {@code /proyectos}, {@code /postulaciones},
 * {@code /gerencias}, {@code /informes}, {@code /admin}), and only for the roles that may
 * open it.</li>
 * <li>The login page, the Panel ({@code /}: new matches of the week by call, deadlines of
 * the next 30 days, sources and the last crawl), every new match of the week
 * ({@code /coincidencias-nuevas}, "ver todas") and the Administración index
 * ({@code /admin}). The other pages are their modules' own; they share the layout, the
 * fragments of {@code templates/fragments/}, the {@code @peru} and {@code @labels}
 * template helpers and the scripts of {@code static/js/}.</li>
 * <li>API errors: every error of {@code /api/**} is problem+json (RFC 9457) with a detail
 * in the reader's language (Spanish unless asked otherwise), including validation,
 * malformed JSON, 404, 405 and 415; a controller's own handler still wins.</li>
 * <li>The OpenAPI document ({@code /v3/api-docs}) and Swagger UI
 * ({@code /swagger-ui}).</li>
 * </ul>
 * No other module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "alert", "call", "crawl", "match", "project", "requirement", "rules", "security" })
package pe.gob.munlima.convoca.web;
