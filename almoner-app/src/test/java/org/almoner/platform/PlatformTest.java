package org.almoner.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole platform on a random port over a real embedded PostgreSQL. Every test class with this
 * annotation shares one running platform (Spring caches the context), so tests make their own
 * records rather than assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"almoner.security.bcrypt-strength=4", "logging.level.org.almoner=WARN",
                // The test database is thrown away at the end; the crash test checks the durable default.
                "almoner.embedded-database.durable=false"})
public @interface PlatformTest {}
