package io.senseprobe.files;

import java.nio.file.Path;

/**
 * A local folder or file as Camel endpoint URIs ({@code file:...}) and resource locations take it: absolute and
 * normalised, with forward slashes. On Windows {@code C:\sense-probe\inbox} becomes {@code C:/sense-probe/inbox}: Java
 * and Camel read both, but a backslash is no URI character, and the routes append {@code /.error} and the like.
 */
public final class UriPaths {
    private UriPaths() {
    }

    public static String of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return withSlashes(absolute.toString(), absolute.getFileSystem().getSeparator());
    }

    /** The path text with the file system's separator replaced by '/' (a no-op where it is '/'). */
    static String withSlashes(String text, String separator) {
        return "/".equals(separator) ? text : text.replace(separator, "/");
    }
}
