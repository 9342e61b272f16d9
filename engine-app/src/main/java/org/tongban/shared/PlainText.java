package org.tongban.shared;

/**
 * User text must be plain text: no C0 controls (NUL, ESC…; tab and line breaks only where the text has lines),
 * no DEL or C1 controls, no invisible format characters (bidi marks, embeddings, overrides and isolates such as
 * U+200F or U+202E, which can make a licence or notice read differently from what is stored; zero-width spaces;
 * BOM), no line/paragraph separators, private-use characters, noncharacters or unpaired surrogates.
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
        return switch (Character.getType(cp)) {
            // C0/C1 controls, DEL; invisible format characters (bidi marks and overrides, zero-width spaces and
            // joiners, BOM, soft hyphen); line/paragraph separators; private use; unpaired surrogates
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> isNoncharacter(cp);
        };
    }

    /** U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE…). */
    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /**
     * A caller's value as an error message may quote it: control and format characters dropped, at most
     * {@code max} characters (then "…"). An answer must not echo an arbitrarily large or hostile request.
     */
    public static String shown(String value, int max) {
        if (value == null) {
            return "";
        }
        var text = new StringBuilder();
        value.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(max + 1L).forEach(text::appendCodePoint);
        return text.codePointCount(0, text.length()) > max
                ? text.substring(0, text.offsetByCodePoints(0, max)) + "…" : text.toString();
    }
}
