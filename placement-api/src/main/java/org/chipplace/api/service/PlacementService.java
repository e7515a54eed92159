package org.chipplace.api.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST placement service (Spring Boot): designs, jobs on the JobRunr queue, sweeps, results.
 * Started by the {@code serve} command (the jar's default); the other commands never load Spring.
 */
@SpringBootApplication
@EnableConfigurationProperties(ChipplaceProperties.class)
public class PlacementService {

    /** Starts the service with Spring Boot command-line arguments ({@code --server.port=9090}, ...). */
    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("java.awt.headless", "true");
        return SpringApplication.run(PlacementService.class, args);
    }
}
