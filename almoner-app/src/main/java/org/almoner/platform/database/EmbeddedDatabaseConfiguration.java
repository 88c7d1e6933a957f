package org.almoner.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Primary;
import org.springframework.beans.factory.annotation.Value;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the application when {@code spring.datasource.url} is not set,
 * so the platform runs on a fresh machine with nothing installed. Production sets the URL and
 * this configuration stands aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    static final String APPLICATION_ROLE = "almoner_app";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${almoner.embedded-database.directory:}") String directory,
            @Value("${almoner.embedded-database.port:0}") int port,
            @Value("${almoner.embedded-database.durable:true}") boolean durable,
            @Value("${almoner.embedded-database.statement-statistics:false}") boolean statementStatistics) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!directory.isBlank()) {
                // A named directory keeps the data between runs; without one each run starts empty.
                Path dataDirectory = Path.of(directory).toAbsolutePath();
                Files.createDirectories(dataDirectory.getParent());
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            builder.setServerConfig("max_connections", "100");
            // The embedded server's defaults favour test speed over durability (fsync off); budgets are
            // public money, so a committed payment must survive the machine losing power.
            // Tests that throw the database away afterwards may turn it off (durable=false) to run faster.
            String onOrOff = durable ? "on" : "off";
            builder.setServerConfig("fsync", onOrOff);
            builder.setServerConfig("synchronous_commit", onOrOff);
            builder.setServerConfig("full_page_writes", onOrOff);
            if (statementStatistics) {
                // For benchmarks: counts every statement, so a request's round trips can be seen.
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            return builder.start();
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + failure.getMessage()
                    + ". Check the disk has space, or set spring.datasource.url to use a PostgreSQL server.", failure);
        }
    }

    /**
     * The application's connections work as {@value #APPLICATION_ROLE}, which may add to the ledger
     * and the audit trail but never change or remove what is there (see V3__ledger.sql).
     */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres,
            @Value("${almoner.embedded-database.pool-size:20}") int poolSize) {
        createApplicationRole(postgres.getPostgresDatabase());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("almoner");
        // Better a quick "busy" than a request waiting half a minute for a connection.
        pool.setConnectionTimeout(5_000);
        pool.setConnectionInitSql("SET ROLE " + APPLICATION_ROLE);
        return new HikariDataSource(pool);
    }

    /** Migrations run as the schema's owner. */
    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

    private static void createApplicationRole(DataSource owner) {
        // The first migration that grants to the role runs after the pool connects as it, so the role comes first.
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s NOLOGIN; END IF;
                    END $$""".formatted(APPLICATION_ROLE, APPLICATION_ROLE));
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + failure.getMessage(), failure);
        }
    }
}
