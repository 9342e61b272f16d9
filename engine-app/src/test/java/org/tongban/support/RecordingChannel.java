package org.tongban.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.tongban.notices.NoticeChannel;

/** A notice channel (the mail/SMS port) that records what it was handed after each commit, for tests to read. */
public class RecordingChannel implements NoticeChannel {

    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Delivery delivery) {
        deliveries.add(delivery);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        RecordingChannel recordingChannel() {
            return new RecordingChannel();
        }
    }
}
