package org.almoner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.platform.PlatformApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the platform from the command line and keeps the command running until it is stopped. */
final class Platform {

    private Platform() {}

    /** Starts the platform with the given Spring properties, prints where it is, and waits until it stops. */
    static int serve(int port, List<String> properties, PrintWriter out, List<String> afterStart) {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException inUse) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "Port " + port
                    + " is in use by another program. Stop it, or choose another port with --port.");
        }
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + port);
        properties.forEach(property -> arguments.add("--" + property));
        out.println("Starting the Almoner platform on port " + port + " (the first start unpacks PostgreSQL; allow a minute)...");
        out.flush();
        ConfigurableApplicationContext context = PlatformApplication.start(arguments.toArray(String[]::new));
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        out.println();
        out.println("Almoner platform is running at http://localhost:" + port + "/");
        out.println("  API documentation:  http://localhost:" + port + "/api/docs   (OpenAPI at /api/openapi)");
        out.println("  Health check:       http://localhost:" + port + "/actuator/health");
        afterStart.forEach(out::println);
        out.println("Press Ctrl+C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            context.close();
        }
        return 0;
    }
}
