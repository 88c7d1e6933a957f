package org.almoner.platform;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The platform: people, referrals, eligibility, pathways, care and support plans, budgets and
 * reviews, over PostgreSQL. Started by {@code almoner serve}.
 */
@SpringBootApplication
public class PlatformApplication {

    /** Starts the platform with the given Spring arguments (for example {@code --server.port=8080}). */
    public static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(PlatformApplication.class);
        return application.run(arguments);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
