package id.lindung;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LindungApplication {
    public static void main(String[] args) {
        SpringApplication.run(LindungApplication.class, args);
    }
}
