package org.almoner.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.almoner.platform.PlatformApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production points the platform at a PostgreSQL server by configuration; the embedded one then
 * stands aside. A separately started PostgreSQL plays the server here.
 */
class ConfiguredDatabaseTest {

    @Test
    void usesTheConfiguredServerAndMigratesItsSchema() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            SpringApplication application = new SpringApplication(PlatformApplication.class);
            try (ConfigurableApplicationContext platform = application.run("--server.port=0",
                    "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--logging.level.org.almoner=WARN")) {
                assertThat(platform.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                Long pathways = JdbcClient.create(server.getPostgresDatabase()).sql("SELECT count(*) FROM pathways").query(Long.class).single();
                assertThat(pathways).isEqualTo(5);
            }
        }
    }
}
