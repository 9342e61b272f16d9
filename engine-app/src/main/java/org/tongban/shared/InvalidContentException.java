package org.tongban.shared;

/** Start-up refusal of a broken content file; the message names the file and the problem. */
public class InvalidContentException extends IllegalStateException {

    public InvalidContentException(String path, String problem) {
        super(path + ": " + problem);
    }
}
