package pe.gob.munlima.convoca.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy: scripts, styles, fonts and images only from Convoca
 * itself, no inline script anywhere, no framing, forms posting only to Convoca. Swagger
 * UI (a third-party page) also needs inline style attributes; it gets them, and nothing
 * else more. The other headers (nosniff, frame options, referrer policy, HSTS on https)
 * are set in SecurityConfiguration.
 */
class SecurityHeaders implements HeaderWriter {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	static final String SWAGGER_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader("Content-Security-Policy")) {
			boolean swagger = request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");
			response.setHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : POLICY);
		}
	}

}
