package org.tongban.shared;

/**
 * User text must be plain text: no C0 controls (NUL, ESC…; tab and line breaks only where the text has lines),
 * no DEL or C1 controls, no bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069, which can make a
 * licence or notice read differently from what is stored), and no unpaired surrogates.
 */
public final class PlainText {

    private PlainText() {
    }

    public static boolean isPlain(String text, boolean multiline) {
        return text.codePoints().noneMatch(cp -> refused(cp, multiline));
    }

    private static boolean refused(int cp, boolean multiline) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return !multiline;
        }
        return cp < 0x20
                || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || (cp >= 0xD800 && cp <= 0xDFFF); // codePoints() yields an unpaired surrogate as itself
    }
}
