package org.tongban.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's clock, in China time (Asia/Shanghai): what "today" means for deadlines and calendars. A bean, so
 * tests drive time with a clock of their own instead of waiting for it.
 */
@Configuration
public class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
