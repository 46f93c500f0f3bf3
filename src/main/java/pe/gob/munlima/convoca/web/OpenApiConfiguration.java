package pe.gob.munlima.convoca.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui}),
 * with the two ways to authenticate: HTTP Basic with a user's password, or a personal API
 * token an administrator issued.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI convocaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Convoca API")
				.version("v1")
				.description("Convocatorias de cooperación internacional no reembolsable para la Municipalidad "
						+ "Metropolitana de Lima: búsqueda, elegibilidad de proyectos con sus razones, fuentes, "
						+ "reglas y usuarios. Errores como application/problem+json (RFC 9457), en español salvo "
						+ "Accept-Language: en. Roles: ADMIN > SUBGERENCIA > PROJECT_OWNER."))
			.components(new Components()
				.addSecuritySchemes("basic",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("Usuario y contraseña de Convoca."))
				.addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("cvk_...")
							.description("Token personal que emite un administrador "
									+ "(POST /api/admin/users/{username}/tokens).")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
