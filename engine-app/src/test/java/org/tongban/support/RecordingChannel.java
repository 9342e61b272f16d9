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

    /** One for every context of the test JVM (each is a node on the same database): what any node delivered. */
    private static final RecordingChannel SHARED = new RecordingChannel();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        RecordingChannel recordingChannel() {
            return SHARED;
        }
    }
}
