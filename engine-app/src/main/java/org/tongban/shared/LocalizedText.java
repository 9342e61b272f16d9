package org.tongban.shared;

import java.util.Locale;

/** A user-facing text in Chinese (default) and English. */
public record LocalizedText(String zh, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : zh;
    }
}
