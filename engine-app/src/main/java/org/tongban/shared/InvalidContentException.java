package org.tongban.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/** Start-up refusal of a broken content file; the message names the file and the problem. */
public class InvalidContentException extends IllegalStateException {

    public InvalidContentException(String path, String problem) {
        super(path + ": " + problem);
    }

    /** The file's field problems, each as its English message (the operator reads the start-up log). */
    public static InvalidContentException of(String path, List<FieldProblem> problems) {
        ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.ENGLISH);
        return new InvalidContentException(path, problems.stream().map(p -> {
            String key = "error.field." + p.code();
            String text = messages.containsKey(key) ? new MessageFormat(messages.getString(key), Locale.ENGLISH).format(p.args().toArray()) : p.code();
            return p.field() + ": " + text;
        }).collect(Collectors.joining("; ")));
    }
}
