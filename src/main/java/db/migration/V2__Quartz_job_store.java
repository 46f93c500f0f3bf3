package db.migration;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Quartz's JDBC job-store tables from the DDL that ships inside the Quartz jar,
 * so the schema always matches the Quartz version on the classpath. Flyway owns it (not
 * {@code spring.quartz.jdbc.initialize-schema}, which would drop every trigger at each
 * restart).
 */
public class V2__Quartz_job_store extends BaseJavaMigration {

	/** The script ends with its own COMMIT; Flyway manages the transaction instead. */
	private static final Pattern COMMIT = Pattern.compile("(?im)^\\s*COMMIT\\s*;\\s*$");

	@Override
	public void migrate(Context context) throws Exception {
		String script = new ClassPathResource("org/quartz/impl/jdbcjobstore/tables_postgres.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		byte[] withoutCommit = COMMIT.matcher(script).replaceAll("").getBytes(StandardCharsets.UTF_8);
		ScriptUtils.executeSqlScript(context.getConnection(), new ByteArrayResource(withoutCommit));
	}

}
