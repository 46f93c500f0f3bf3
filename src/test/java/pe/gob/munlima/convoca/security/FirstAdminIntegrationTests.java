package pe.gob.munlima.convoca.security;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.ConvocaApplication;
import pe.gob.munlima.convoca.TestWorkspace;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation without a configured administrator: the first start creates one and
 * prints its password once; the password works; a restart on the same database prints
 * nothing and the password still works. Two real starts of the application (demo data
 * off, to be quick).
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIntegrationTests {

	private static final Pattern PASSWORD = Pattern.compile("contraseña: (\\S+)");

	@Test
	void theGeneratedAdministratorIsPrintedOnceAndCanLogIn(CapturedOutput output) {
		Path work = TestWorkspace.create("convoca-first-admin");
		try {
			String password;
			try (ConfigurableApplicationContext app = start(work)) {
				Matcher printed = PASSWORD.matcher(output.getAll());
				assertThat(printed.find()).as("the start-up log shows the generated password").isTrue();
				password = printed.group(1);
				assertThat(output.getAll()).contains("se creó el administrador inicial").contains("usuario:    admin");
				assertThat(printed.find()).as("printed once").isFalse();

				Api api = new Api(port(app));
				assertThat(api.as("admin", password).get("/api/me").get("role").asString()).isEqualTo("ADMIN");
				assertThat(api.as("admin", password + "x").fetch("/api/me").statusCode()).isEqualTo(401);
			}
			int firstStart = output.getAll().length();

			try (ConfigurableApplicationContext app = start(work)) {
				String secondStart = output.getAll().substring(firstStart);
				assertThat(secondStart).contains("Started")
					.doesNotContain(password)
					.doesNotContain("administrador inicial");
				assertThat(new Api(port(app)).as("admin", password).fetch("/api/me").statusCode()).isEqualTo(200);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work.toFile());
		}
	}

	/**
	 * Command-line arguments win over application.yml: nothing of data/ is touched. The
	 * database is kept between the two starts (a clean one would be deleted at close).
	 */
	private static ConfigurableApplicationContext start(Path work) {
		return new SpringApplicationBuilder(ConvocaApplication.class).run(
				"--convoca.embedded-db.data-dir=" + work.resolve("postgres"), "--convoca.embedded-db.clean=false",
				"--convoca.search.data-dir=" + work.resolve("index"), "--convoca.crawl.dir=" + work.resolve("crawlers"),
				"--convoca.rules.dir=" + work.resolve("rules"),
				"--convoca.search.exchange-rates-file=" + work.resolve("rules/parameters.yaml"),
				"--convoca.demo.enabled=false", "--convoca.security.bcrypt-strength=4", "--server.port=0",
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off");
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
