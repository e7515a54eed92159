package org.chipplace.api.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST placement service (Spring Boot): designs, jobs on the JobRunr queue, sweeps, results.
 * Started by the {@code serve} command (the jar's default); the other commands never load Spring.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(ChipplaceProperties.class)
public class PlacementService {

    /** Starts the service with Spring Boot command-line arguments ({@code --server.port=9090}, ...). */
    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("java.awt.headless", "true");
        return SpringApplication.run(PlacementService.class, args);
    }

    /**
     * Starts the service's context for a command-line tool ({@code keys}): the same configuration and
     * database, without the web server and without job workers.
     */
    public static ConfigurableApplicationContext startTool(String... args) {
        SpringApplication app = new SpringApplication(PlacementService.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN"));
        String[] all = new String[args.length + 2];
        all[0] = "--jobrunr.background-job-server.enabled=false";
        all[1] = "--chipplace.retention.initial-delay=1000d";
        System.arraycopy(args, 0, all, 2, args.length);
        return app.run(all);
    }
}
