package id.lindung.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business clock: Kalimantan Barat keeps Western Indonesia Time (WIB, Asia/Pontianak). */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Pontianak");

    @Bean
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }
}
