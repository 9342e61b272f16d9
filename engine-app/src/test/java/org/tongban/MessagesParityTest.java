package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every user-facing message exists in zh-CN (the default file) and in English, with the same arguments. */
class MessagesParityTest {

    @Test
    void zhAndEnHoldTheSameKeysAndPlaceholders() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).as("keys only in zh-CN").containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("keys only in en").containsAll(en.stringPropertyNames());
        for (String key : zh.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(key))).as(key).isEqualTo(placeholders(zh.getProperty(key)));
        }
    }

    /**
     * MessageFormat reads a single quote as the start of literal text, so "the task's departments ({1})" would print
     * "{1}" and drop the quote: every placeholder must survive formatting, and every apostrophe is written ''.
     */
    @Test
    void everyPlaceholderIsFormatted() throws IOException {
        for (String file : java.util.List.of("messages.properties", "messages_en.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                if (!message.contains("{")) {
                    continue;
                }
                Object[] args = {"A0", "A1", "A2", "A3", "A4", "A5"};
                String formatted = new java.text.MessageFormat(message, java.util.Locale.ROOT).format(args);
                assertThat(formatted).as(file + " " + key).doesNotContainPattern("\\{\\d");
                assertThat(formatted.chars().filter(c -> c == '\'').count()).as(file + " " + key + ": apostrophes kept")
                        .isEqualTo(message.replace("''", "'").chars().filter(c -> c == '\'').count());
            }
        }
    }

    /** Argument indexes a message uses; field messages take the label as {0} in zh-CN and {1} in English. */
    private static Set<String> placeholders(String message) {
        return new java.util.TreeSet<>(java.util.regex.Pattern.compile("\\{(\\d+)[^}]*}").matcher(message).results()
                .map(m -> m.group(1).equals("0") || m.group(1).equals("1") ? "label" : m.group(1)).toList());
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
