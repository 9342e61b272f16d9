package org.tongban.cases;

/** File names as shown and sent back in Content-Disposition: no path, no control characters, at most 255 chars. */
final class MaterialNames {

    private MaterialNames() {
    }

    static String safe(String fileName, String fallback) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = fallback;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
