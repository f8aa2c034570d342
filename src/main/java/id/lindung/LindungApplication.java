package id.lindung;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application. Every module's configuration is a {@code @ConfigurationProperties} record next to the code that
 * reads it (found by the scan, validated at start-up); docs/decisions.md, "Typed configuration".
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LindungApplication {
    public static void main(String[] args) {
        SpringApplication.run(LindungApplication.class, args);
    }
}
