package org.almoner.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
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

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${almoner.embedded-database.directory:}") String directory,
            @Value("${almoner.embedded-database.port:0}") int port) {
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
            return builder.start();
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + failure.getMessage()
                    + ". Check the disk has space, or set spring.datasource.url to use a PostgreSQL server.", failure);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
            @Value("${almoner.embedded-database.pool-size:20}") int poolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("almoner");
        return new HikariDataSource(pool);
    }
}
